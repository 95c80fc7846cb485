import { child, scalarString, type Node } from '../../load/nodes.ts';
import { imageMatchesAny } from './image-match.ts';
import { parseImageRef } from './image-ref.ts';

/** A service recognised as a datastore (database, cache, broker, object or search store). */
export interface Datastore {
  /** The product, for messages (`postgres`, `redis`, `kafka`, ...). */
  kind: string;
  /** The image as the service names it (after interpolation). */
  image: string;
}

/**
 * Datastore images by their last path component, whatever the registry, namespace
 * and tag (`postgres:16`, `bitnami/postgresql`, `docker.io/library/redis:7-alpine`).
 * Only exact names: companions such as `redis-commander`, `mongo-express`,
 * `postgres-exporter` or `kafka-ui` are clients and dashboards, not datastores.
 */
const BY_NAME: Record<string, string> = {
  // PostgreSQL and derivatives
  postgres: 'postgres',
  postgresql: 'postgres',
  'postgresql-repmgr': 'postgres',
  'postgresql-ha': 'postgres',
  postgis: 'postgis',
  pgvector: 'postgres',
  timescaledb: 'timescaledb',
  'timescaledb-ha': 'timescaledb',
  'timescaledb-postgis': 'timescaledb',
  cockroach: 'cockroachdb',
  yugabyte: 'yugabytedb',
  // MySQL family
  mysql: 'mysql',
  'mysql-server': 'mysql',
  mariadb: 'mariadb',
  'mariadb-galera': 'mariadb',
  percona: 'percona',
  'percona-server': 'percona',
  'percona-xtradb-cluster': 'percona',
  // Document, key-value and graph stores
  mongo: 'mongodb',
  mongodb: 'mongodb',
  'mongodb-community-server': 'mongodb',
  'mongodb-enterprise-server': 'mongodb',
  redis: 'redis',
  'redis-stack': 'redis',
  'redis-stack-server': 'redis',
  'redis-cluster': 'redis',
  'redis-sentinel': 'redis',
  'redis-slave': 'redis',
  redismod: 'redis',
  valkey: 'valkey',
  keydb: 'keydb',
  dragonfly: 'dragonfly',
  memcached: 'memcached',
  couchdb: 'couchdb',
  couchbase: 'couchbase',
  'couchbase-server': 'couchbase',
  neo4j: 'neo4j',
  arangodb: 'arangodb',
  rethinkdb: 'rethinkdb',
  orientdb: 'orientdb',
  surrealdb: 'surrealdb',
  etcd: 'etcd',
  // Wide-column, analytics and time series
  cassandra: 'cassandra',
  scylla: 'scylla',
  clickhouse: 'clickhouse',
  'clickhouse-server': 'clickhouse',
  influxdb: 'influxdb',
  questdb: 'questdb',
  // Search and vector stores
  elasticsearch: 'elasticsearch',
  'elasticsearch-oss': 'elasticsearch',
  opensearch: 'opensearch',
  solr: 'solr',
  meilisearch: 'meilisearch',
  typesense: 'typesense',
  qdrant: 'qdrant',
  milvus: 'milvus',
  weaviate: 'weaviate',
  chroma: 'chroma',
  // Brokers and streams
  rabbitmq: 'rabbitmq',
  kafka: 'kafka',
  'cp-kafka': 'kafka',
  'cp-server': 'kafka',
  redpanda: 'redpanda',
  zookeeper: 'zookeeper',
  'cp-zookeeper': 'zookeeper',
  nats: 'nats',
  'nats-streaming': 'nats',
  pulsar: 'pulsar',
  // Object storage
  minio: 'minio',
};

/** Datastores whose last path component is too generic to match alone (`mcr.microsoft.com/mssql/server`). */
const BY_PATH: [suffix: string, kind: string][] = [
  ['mssql/server', 'sql server'],
  ['mssql/rhel/server', 'sql server'],
  ['azure-sql-edge', 'sql server'],
  ['database/enterprise', 'oracle'],
  ['database/free', 'oracle'],
  ['gvenzl/oracle-xe', 'oracle'],
  ['gvenzl/oracle-free', 'oracle'],
  ['couchbase/server', 'couchbase'],
];

/** The datastore an image reference names, if it is a known one or matches one of `extra`. */
export function datastoreOfImage(image: string, extra?: readonly string[]): Datastore | undefined {
  const ref = parseImageRef(image);
  if (!ref) return undefined;
  const name = ref.name.toLowerCase();
  const known = Object.hasOwn(BY_NAME, name) ? BY_NAME[name] : undefined;
  if (known) return { kind: known, image };
  const repository = ref.repository.toLowerCase();
  for (const [suffix, kind] of BY_PATH) {
    if (repository === suffix || repository.endsWith(`/${suffix}`)) return { kind, image };
  }
  if (imageMatchesAny(ref, extra)) return { kind: ref.name, image };
  return undefined;
}

/**
 * Client programs shipped in datastore images. A service that runs one (`psql -h db ...`,
 * `redis-cli -h cache ...`) uses the image as a client, not as a server.
 */
const CLIENT_COMMANDS = new Set([
  'psql',
  'pg_dump',
  'pg_dumpall',
  'pg_restore',
  'pg_isready',
  'createdb',
  'mysql',
  'mysqldump',
  'mysqladmin',
  'mariadb',
  'mariadb-dump',
  'mariadb-admin',
  'mongo',
  'mongosh',
  'mongodump',
  'mongorestore',
  'mongoimport',
  'redis-cli',
  'valkey-cli',
  'keydb-cli',
  'cqlsh',
  'clickhouse-client',
  'influx',
  'etcdctl',
  'mc',
  'kafka-topics',
  'kafka-topics.sh',
  'kafka-console-producer',
  'kafka-console-consumer',
  'rabbitmqadmin',
  'nats',
]);

/** The datastore a service runs, judged by its `image` (a service with only `build:` is not recognised). */
export function serviceDatastore(service: Node, extra?: readonly string[]): Datastore | undefined {
  const image = scalarString(child(service, 'image'));
  if (image === undefined) return undefined;
  const datastore = datastoreOfImage(image, extra);
  if (!datastore) return undefined;
  const program = firstWord(child(service, 'entrypoint')) ?? firstWord(child(service, 'command'));
  if (program !== undefined && CLIENT_COMMANDS.has(program.split('/').pop()!)) return undefined;
  return datastore;
}

/** The program a `command`/`entrypoint` runs: the first list item, or the first word of the string. */
function firstWord(node: Node | undefined): string | undefined {
  const first = node?.kind === 'seq' ? scalarString(node.items[0]) : scalarString(node);
  const word = first?.trim().split(/\s+/)[0];
  return word ? word : undefined;
}

/** The `datastores` option both datastore rules take (the top-level `datastores:` config feeds it too). */
export const DATASTORES_OPTION = {
  type: 'array',
  items: { type: 'string' },
  description: 'More images to treat as datastores (by name, or repository path), added to the built-in list.',
};
