import { defineConfig } from '@playwright/test';

// Browser tests run the demo portal (npm start, plus e2e-tests/app-config.e2e.yaml) in
// Debian's Chromium; nothing is downloaded.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e-tests',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: 'http://localhost:3000',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command:
      'npx backstage-cli repo start --config ../../app-config.yaml --config ../../e2e-tests/app-config.e2e.yaml',
    url: 'http://localhost:3000',
    reuseExistingServer: !process.env.CI,
    timeout: 420_000,
    stdout: 'pipe',
  },
});
