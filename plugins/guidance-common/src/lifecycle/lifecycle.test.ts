import {
  LifecycleTable,
  checkVerifiedAgainst,
  compareVersions,
  findCycle,
  mergeLifecycleCycles,
  supportedCycles,
  versionStatus,
} from './lifecycle';
import { SHIPPED_LIFECYCLE } from './lifecycleTable';

const TODAY = '2026-12-06';

const table: LifecycleTable = {
  asOf: '2026-12-01',
  sources: {},
  cycles: [
    {
      product: 'kubernetes',
      cycle: '1.34',
      eol: '2026-10-27',
      latest: '1.34.11',
    },
    {
      product: 'kubernetes',
      cycle: '1.35',
      eol: '2027-02-28',
      latest: '1.35.9',
    },
    { product: 'nodejs', cycle: '20', eol: '2026-04-30', latest: '20.20.2' },
    { product: 'nodejs', cycle: '22', eol: '2027-04-30', latest: '22.23.2' },
    { product: 'postgresql', cycle: '17', eol: '2029-11-08', latest: '17.11' },
    { product: 'legacy', cycle: '1', eol: true },
  ],
};

describe('lifecycle', () => {
  it('finds the cycle of a version, whatever its spelling', () => {
    expect(findCycle(table, 'kubernetes', 'v1.34.0')?.cycle).toBe('1.34');
    expect(findCycle(table, 'k8s', '1.34')?.cycle).toBe('1.34');
    expect(findCycle(table, 'node', '20-alpine')?.cycle).toBe('20');
    expect(findCycle(table, 'Node.js', '22.1.0')?.cycle).toBe('22');
    // 1.3 is not 1.34, and an unknown cycle or product is no answer
    expect(findCycle(table, 'kubernetes', '1.3')).toBeUndefined();
    expect(findCycle(table, 'kubernetes', '1.340')).toBeUndefined();
    expect(findCycle(table, 'mysql', '8.4')).toBeUndefined();
    expect(findCycle(table, 'nodejs', 'lts/*')).toBeUndefined();
  });

  it('compares versions as numbers', () => {
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareVersions('17.11', '17.11.0')).toBe(0);
    expect(compareVersions('3.3.14', '3.4')).toBeLessThan(0);
  });

  it('says which versions are past their end of life, on the day it ends and after', () => {
    expect(versionStatus(table, 'kubernetes', '1.34', TODAY)?.endOfLife).toBe(
      true,
    );
    expect(
      versionStatus(table, 'kubernetes', '1.34', '2026-10-27')?.endOfLife,
    ).toBe(true);
    expect(
      versionStatus(table, 'kubernetes', '1.34', '2026-10-26')?.endOfLife,
    ).toBe(false);
    expect(versionStatus(table, 'legacy', '1.2', TODAY)?.endOfLife).toBe(true);
  });

  it('turns verifiedAgainst into stale reasons and softer notes', () => {
    expect(
      checkVerifiedAgainst(
        {
          kubernetes: '1.34',
          postgresql: '17.10',
          nodejs: '22',
          legacy: '1.0',
          'some-tool': '0.1',
        },
        table,
        TODAY,
      ),
    ).toEqual({
      endOfLife: [
        'Kubernetes 1.34: end of life since 2026-10-27',
        'legacy 1: end of life',
      ],
      // a bare cycle (nodejs: "22") is not behind a patch
      newerReleases: ['PostgreSQL 17.10: newer release available (17.11)'],
    });
  });

  it('merges rows by product and cycle, later lists winning', () => {
    const merged = mergeLifecycleCycles(table.cycles, [
      { product: 'nodejs', cycle: '20', eol: '2027-01-01' },
      { product: 'nodejs', cycle: '24', eol: '2028-04-30' },
    ]);
    expect(merged.filter(r => r.product === 'nodejs')).toEqual([
      { product: 'nodejs', cycle: '24', eol: '2028-04-30' },
      { product: 'nodejs', cycle: '22', eol: '2027-04-30', latest: '22.23.2' },
      { product: 'nodejs', cycle: '20', eol: '2027-01-01' },
    ]);
  });

  describe('the shipped table', () => {
    it('is dated, names a source for every product and has well-formed rows', () => {
      expect(SHIPPED_LIFECYCLE.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const products = new Set(SHIPPED_LIFECYCLE.cycles.map(r => r.product));
      expect([...products].sort()).toEqual(
        Object.keys(SHIPPED_LIFECYCLE.sources).sort(),
      );
      const problems = SHIPPED_LIFECYCLE.cycles.flatMap(row => {
        const key = `${row.product} ${row.cycle}`;
        const found: string[] = [];
        // numbers, or a named base such as distroless `debian12`
        if (!/^(\d+(\.\d+)?|[a-z]+\d+)$/.test(row.cycle))
          found.push(`${key}: cycle`);
        if (typeof row.eol === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(row.eol))
          found.push(`${key}: eol`);
        if (
          typeof row.eol === 'string' &&
          row.releaseDate &&
          row.eol <= row.releaseDate
        )
          found.push(`${key}: eol before release`);
        if (row.latest && !row.latest.startsWith(`${row.cycle}.`))
          found.push(`${key}: latest ${row.latest}`);
        return found;
      });
      expect(problems).toEqual([]);
    });

    it('knows the end of life the review found', () => {
      const eol = (product: string, version: string) =>
        versionStatus(SHIPPED_LIFECYCLE, product, version, TODAY);
      expect(eol('kubernetes', '1.34')?.cycle.eol).toBe('2026-10-27');
      expect(eol('kubernetes', '1.34')?.endOfLife).toBe(true);
      expect(eol('kubernetes', '1.25')?.endOfLife).toBe(true);
      expect(eol('kubernetes', '1.35')?.endOfLife).toBe(false);
      expect(eol('go', '1.25.5')?.cycle.eol).toBe('2026-08-19');
      expect(eol('nodejs', '20')?.cycle.eol).toBe('2026-04-30');
      expect(eol('argo-cd', '3.1')?.endOfLife).toBe(true);
      expect(eol('envoy-gateway', '1.8')?.cycle.eol).toBe('2026-11-08');
      expect(eol('promtool', '2.42')?.endOfLife).toBe(true);
      expect(eol('distroless', 'debian12')?.cycle.eol).toBe('2026-09-01');
      expect(eol('distroless', 'debian13')?.endOfLife).toBe(false);
      expect(eol('kube-prometheus-stack', '88.5.3')).toMatchObject({
        endOfLife: false,
      });
      expect(eol('kube-prometheus-stack', '88.4.0')?.newerRelease).toBe(
        '88.5.3',
      );
      expect(
        supportedCycles(SHIPPED_LIFECYCLE, 'kubernetes', TODAY).map(
          r => r.cycle,
        ),
      ).toEqual(['1.37', '1.36', '1.35']);
      expect(
        supportedCycles(SHIPPED_LIFECYCLE, 'argo-cd', TODAY).map(r => r.cycle),
      ).toEqual(['3.6', '3.5', '3.4']);
    });

    it('covers the operators, poolers and base images the articles and templates name', () => {
      const status = (product: string, version: string) =>
        versionStatus(SHIPPED_LIFECYCLE, product, version, TODAY);
      const supported = (product: string) =>
        supportedCycles(SHIPPED_LIFECYCLE, product, TODAY).map(r => r.cycle);
      // the current Velero minor and the one before it
      expect(supported('velero')).toEqual(['1.18', '1.17']);
      expect(status('velero', 'v1.16.2')?.endOfLife).toBe(true);
      // External Secrets supports its newest minor only
      expect(supported('external-secrets')).toEqual(['2.14']);
      expect(status('external-secrets-operator', '2.10')?.endOfLife).toBe(true);
      // Tekton: four LTS lines a year, each for a year
      expect(supported('tekton')).toEqual(['1.15', '1.12', '1.9']);
      expect(status('tekton-pipelines', '1.6')?.cycle.eol).toBe('2026-10-31');
      expect(supported('cloudnative-pg')).toEqual(['1.30']);
      expect(status('cnpg', '1.29.2')?.cycle.eol).toBe('2026-09-29');
      // 1.26.1 fixed CVEs in every release from 1.17.0 and left 1.25 without a backport
      expect(supported('pgbouncer')).toEqual(['1.26']);
      expect(status('pgbouncer', '1.26.0')?.newerRelease).toBe('1.26.1');
      // distroless cycles are Debian bases named in the image, not numbers
      expect(status('distroless', 'debian12')?.endOfLife).toBe(true);
      expect(status('distroless', 'Debian13')?.endOfLife).toBe(false);
      expect(status('distroless', 'debian14')).toBeUndefined();
      // MySQL Router shares the server's lifecycle; 8.4 is the LTS line
      expect(status('mysql-router', '8.4')?.cycle.eol).toBe('2032-04-30');
      expect(status('mysql', '8.0.40')?.endOfLife).toBe(true);
      expect(status('debian', '12')?.endOfLife).toBe(true);
      // the 1.27.3 image linux-performance-tuning used to pin, and the stable line it pins now
      expect(status('nginx-unprivileged', '1.27.3')?.cycle.eol).toBe(
        '2025-06-24',
      );
      expect(status('nginx', '1.30.4')?.endOfLife).toBe(false);
      // the chart publishes no end of life: known majors, none ended
      expect(supported('kube-prometheus-stack')).toEqual(['93', '88']);
    });
  });
});
