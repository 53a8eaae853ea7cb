import { createBackend } from '@backstage/backend-defaults';
import { staticTokenCheck } from './modules/staticTokenCheck';

const backend = createBackend();

// a static token without a value (PAVED_ROAD_MCP_TOKEN unset in production) stops start-up
backend.add(staticTokenCheck);

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// auth: guest sign-in for the local demo
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog, with the Template kind for the golden paths
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// the repositories guidance:publish:local writes (guidance.publishLocal), found on disk: the locations
// API itself stays closed to file: targets
backend.add(import('@paved-road/plugin-catalog-backend-module-guidance'));

// permissions: allow all in the demo
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// scaffolder, with the golden-path actions
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@paved-road/plugin-scaffolder-backend-module-guidance'));

// search: the default in-memory (Lunr) engine, catalog and guidance collators
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@paved-road/plugin-search-backend-module-guidance'));

// guidance
backend.add(import('@paved-road/plugin-guidance-backend'));
// the built-in library of twenty articles
backend.add(
  import('@paved-road/plugin-guidance-backend-module-builtin-articles'),
);
// conformance: rules, POST /validate, scheduled scans of the catalog's services (own tables)
backend.add(import('@paved-road/plugin-guidance-backend-module-conformance'));

// notifications (conformance tells owners about regressions and expiring waivers), pushed
// to the browser through signals
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// MCP: the actions the guidance backend registers, as tools for AI assistants (/api/mcp-actions/v1)
backend.add(import('@backstage/plugin-mcp-actions-backend'));
// TechDocs, for the side-by-side reader benchmark (npm run bench:reader)
backend.add(import('@backstage/plugin-techdocs-backend'));

backend.start();
