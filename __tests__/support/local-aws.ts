import {
  CreateTableCommand,
  DynamoDBClient,
  ScanCommand,
} from "@aws-sdk/client-dynamodb";
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3";
import dynalite from "dynalite";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import S3rver from "s3rver";

/** s3rver's built-in account; it checks request signatures against it. */
export const S3RVER_CREDENTIALS = {
  accessKeyId: "S3RVER",
  secretAccessKey: "S3RVER",
};

const LOOPBACK = "127.0.0.1";

/** One HTTP request as the S3 stand-in received it. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

/** An S3 and a DynamoDB stand-in on loopback, with clients aimed at them. */
export interface LocalAws {
  readonly s3Endpoint: string;
  readonly dynamodbEndpoint: string;
  /** Every request s3rver received, oldest first. */
  readonly s3Requests: RecordedRequest[];
  readonly s3: S3Client;
  readonly dynamodb: DynamoDBClient;
  /** Every object key in a bucket, sorted. */
  keys(bucket: string): Promise<string[]>;
  /** One object's body as text. */
  read(bucket: string, key: string): Promise<string>;
  /** Every item in a table, as plain strings by attribute. */
  items(table: string): Promise<Record<string, string>[]>;
  stop(): Promise<void>;
}

/**
 * Starts s3rver (state in `directory`) and dynalite (in memory) on free
 * loopback ports. The clients get explicit endpoints and credentials, so
 * nothing they do leaves this machine.
 */
export async function startLocalAws(directory: string): Promise<LocalAws> {
  // The SDK warns once per process about Node 20 support ending in 2027;
  // the pinned versions run on Node 20 and the warning is test noise.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

  const s3rver = new S3rver({
    address: LOOPBACK,
    port: 0,
    silent: true,
    directory,
  });
  const dynamo = dynalite({ createTableMs: 0, deleteTableMs: 0 });
  const servers: Server[] = [];
  try {
    const s3Address = await s3rver.run();
    servers.push(s3rver.httpServer);
    await new Promise<void>((done, fail) => {
      dynamo.once("error", fail);
      dynamo.listen(0, LOOPBACK, () => done());
    });
    servers.push(dynamo);

    const s3Requests: RecordedRequest[] = [];
    s3rver.httpServer.prependListener("request", (req) => {
      s3Requests.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
      });
    });

    const s3Endpoint = `http://${LOOPBACK}:${s3Address.port}`;
    const dynamodbEndpoint = `http://${LOOPBACK}:${(dynamo.address() as AddressInfo).port}`;
    const common = { region: "us-east-1", credentials: S3RVER_CREDENTIALS };
    const s3 = new S3Client({
      ...common,
      endpoint: s3Endpoint,
      forcePathStyle: true,
    });
    const dynamodb = new DynamoDBClient({
      ...common,
      endpoint: dynamodbEndpoint,
    });
    return {
      s3Endpoint,
      dynamodbEndpoint,
      s3Requests,
      s3,
      dynamodb,
      keys: (bucket) => listKeys(s3, bucket),
      read: async (bucket, key) => {
        const out = await s3.send(
          new GetObjectCommand({ Bucket: bucket, Key: key }),
        );
        return out.Body!.transformToString();
      },
      items: (table) => scanTable(dynamodb, table),
      stop: async () => {
        s3.destroy();
        dynamodb.destroy();
        await closeAll(servers);
      },
    };
  } catch (error) {
    await closeAll(servers);
    throw error;
  }
}

/** Creates a bucket the way the state-bootstrap stack would. */
export async function createBucket(aws: LocalAws, bucket: string) {
  await aws.s3.send(new CreateBucketCommand({ Bucket: bucket }));
}

/** Creates a lock table with the key Terraform's S3 backend expects. */
export async function createLockTable(aws: LocalAws, table: string) {
  await aws.dynamodb.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: "PAY_PER_REQUEST",
      KeySchema: [{ AttributeName: "LockID", KeyType: "HASH" }],
      AttributeDefinitions: [{ AttributeName: "LockID", AttributeType: "S" }],
    }),
  );
}

/** Terraform's own requests for one object, as s3rver received them. */
export function terraformRequests(
  aws: LocalAws,
  method: string,
  bucket: string,
  key: string,
): RecordedRequest[] {
  return aws.s3Requests.filter(
    (r) =>
      r.method === method &&
      r.url.startsWith(`/${bucket}/${key}?`) &&
      String(r.headers["user-agent"]).includes("Terraform/"),
  );
}

async function listKeys(s3: S3Client, bucket: string): Promise<string[]> {
  const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (out.Contents ?? []).map((o) => o.Key!).sort();
}

async function scanTable(
  dynamodb: DynamoDBClient,
  table: string,
): Promise<Record<string, string>[]> {
  const out = await dynamodb.send(new ScanCommand({ TableName: table }));
  return (out.Items ?? []).map((item) =>
    Object.fromEntries(
      Object.entries(item).map(([name, value]) => [name, value.S ?? ""]),
    ),
  );
}

/** Closes servers without waiting for idle keep-alive sockets. */
async function closeAll(servers: readonly Server[]) {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
    ),
  );
}
