import { objectStoreProblems } from './barmanObjectStore';

const valid = {
  apiVersion: 'barmancloud.cnpg.io/v1',
  kind: 'ObjectStore',
  metadata: { name: 'orders-db-backups' },
  spec: {
    retentionPolicy: '30d',
    configuration: {
      destinationPath: 's3://acme-postgres-backups/orders-db',
      s3Credentials: { inheritFromIAMRole: true },
      wal: { compression: 'zstd' },
      data: { compression: 'gzip' },
    },
  },
};

describe('objectStoreProblems', () => {
  it('accepts the shape the postgres-database golden path writes', () => {
    expect(objectStoreProblems(valid)).toEqual([]);
  });

  it('names every field the CRD would refuse', () => {
    const bad = {
      ...valid,
      apiVersion: 'postgresql.cnpg.io/v1',
      metadata: { name: 'Orders_DB' },
      spec: {
        retentionPolicy: '0d',
        configuration: {
          serverName: 'orders-db',
          s3Credentials: { inheritFromIAMRole: 'yes' },
          wal: { compression: 'brotli' },
          data: { compression: 'zstd' },
        },
      },
    };
    expect(objectStoreProblems(bad)).toEqual([
      'apiVersion: expected barmancloud.cnpg.io/v1, got "postgresql.cnpg.io/v1"',
      'metadata.name: must be a DNS subdomain, got "Orders_DB"',
      'spec.retentionPolicy: must match ^[1-9][0-9]*[dwm]$ (e.g. 30d), got "0d"',
      'spec.configuration.destinationPath: required',
      "spec.configuration.serverName: forbidden; use the 'serverName' plugin parameter in the Cluster",
      'spec.configuration.s3Credentials.inheritFromIAMRole: must be a boolean',
      'spec.configuration.wal.compression: one of bzip2, gzip, lz4, snappy, xz, zstd, got "brotli"',
      'spec.configuration.data.compression: one of bzip2, gzip, lz4, snappy, got "zstd"',
    ]);
  });

  it('requires spec and spec.configuration', () => {
    expect(objectStoreProblems({ ...valid, spec: undefined })).toEqual([
      'spec: required',
    ]);
    expect(
      objectStoreProblems({ ...valid, spec: { retentionPolicy: '4w' } }),
    ).toEqual(['spec.configuration: required']);
    expect(
      objectStoreProblems({
        ...valid,
        spec: { configuration: { destinationPath: '/var/backups' } },
      }),
    ).toEqual([
      'spec.configuration.destinationPath: not an object-store URL: /var/backups',
    ]);
  });
});
