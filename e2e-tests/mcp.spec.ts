import { test, expect } from '@playwright/test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

// An MCP client as an editor assistant would use it: the official SDK over Streamable HTTP,
// authenticated with the local static token from app-config.yaml (README → AI assistants).
const MCP_URL = 'http://localhost:7007/api/mcp-actions/v1';
const TOKEN = process.env.PAVED_ROAD_MCP_TOKEN ?? 'local-mcp-token-change-me';

async function connect(token = TOKEN) {
  const client = new Client({ name: 'paved-road-e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(MCP_URL), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

const textOf = (result: any) =>
  (result.content as { type: string; text?: string }[])
    .map(c => c.text ?? '')
    .join('\n');

test.describe('guidance over MCP', () => {
  test('lists the guidance tools, searches, and reads one section', async () => {
    const client = await connect();
    try {
      const { tools } = await client.listTools();
      const names = tools.map(t => t.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'guidance.search-guidance',
          'guidance.get-guidance-article',
          'guidance.recommend-guidance-for-entity',
          'guidance.validate-manifests',
        ]),
      );

      const search = await client.callTool({
        name: 'guidance.search-guidance',
        arguments: { query: 'how big should the pgbouncer pool be for 50 pods', limit: 3 },
      });
      expect(search.isError).toBeFalsy();
      const found = JSON.parse(textOf(search)).results;
      expect(found[0].articleId).toBe('database-connection-pooling');
      expect(found[0].section?.id).toBeTruthy();
      expect(found[0].url).toContain(`/guidance/database-connection-pooling#${found[0].section.id}`);

      const section = await client.callTool({
        name: 'guidance.get-guidance-article',
        arguments: { id: 'database-connection-pooling', section: found[0].section.id },
      });
      expect(section.isError).toBeFalsy();
      const article = JSON.parse(textOf(section));
      expect(article.title).toContain(found[0].section.text);
      expect(article.markdown.split('\n')[0]).toMatch(/^#+ /);
      expect(article.markdown.length).toBeLessThan(40_000);
    } finally {
      await client.close();
    }
  });

  test('validates a bad manifest and names the rule and the article section behind it', async () => {
    const client = await connect();
    try {
      const manifest = [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: web }',
        'spec:',
        '  replicas: 2',
        '  selector: { matchLabels: { app: web } }',
        '  template:',
        '    metadata: { labels: { app: web } }',
        '    spec:',
        '      containers:',
        '        - name: web',
        '          image: nginx:latest',
      ].join('\n');
      const result = await client.callTool({
        name: 'guidance.validate-manifests',
        arguments: { files: [{ path: 'deploy/deployment.yaml', content: manifest }] },
      });
      expect(result.isError).toBeFalsy();
      const report = JSON.parse(textOf(result));
      expect(report.summary.fail).toBeGreaterThan(0);
      const probe = report.results.find((r: any) => r.rule.id === 'readiness-probe');
      expect(probe.status).toBe('fail');
      expect(probe.findings[0].object).toBe('Deployment/web');
      expect(probe.rule.article.title).toBeTruthy();
      expect(probe.url).toContain(`/guidance/${probe.rule.article.id}#`);
    } finally {
      await client.close();
    }
  });

  test('reports an unknown article as a tool error, not a crash', async () => {
    const client = await connect();
    try {
      const result = await client.callTool({
        name: 'guidance.get-guidance-article',
        arguments: { id: 'no-such-article' },
      });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain('No guidance article with id "no-such-article"');
    } finally {
      await client.close();
    }
  });

  test('refuses a client without the token', async () => {
    await expect(connect('wrong-token-123')).rejects.toThrow();
  });
});
