// The help pages, laid out as Commander lays out its own (`Usage:`, `Arguments:`, `Options:`,
// `Commands:`; a term, two spaces or more, its description), which is also what
// `backstage-repo-tools api-reports` reads to write cli-report.md. Prose sits outside those
// sections, and no line of it ends with a colon: such a line would read as a section heading.

/** `paved-road --help`. */
export const MAIN_HELP = `Usage: paved-road [options] [command]

The Paved Road guidance rules on a repository, for pull requests and CI.
Run paved-road check --help for what check reads and the options it takes.

Options:
  --version                 print the version
  -h, --help                this text

Commands:
  check [options] [paths…]  check a repository against the guidance rules

Exit codes: 0 passed, 1 a rule at or above --fail-on failed, 2 bad input or the portal failed.
`;

/** `paved-road check --help`. */
export const CHECK_HELP = `Usage: paved-road check [options] [paths…]

Checks a repository against the Paved Road guidance rules: its Kubernetes manifests, CI files,
Dockerfile and catalog-info.yaml, with the waivers its catalog-info.yaml declares.
A folder is read as the portal reads a repository (deploy/, k8s/, kubernetes/, manifests/,
catalog-info.yaml, Dockerfile, go.mod, package.json, .nvmrc, .tool-versions); a file is checked
as named.
With --report-ref the results are also pushed to the portal, whose entity page shows them per
branch and pull request; the --report-* options, --entity and --commit go with it.

Arguments:
  paths                   folders or files to check (default: the current folder)

Options:
  --format <format>       text (default), sarif, junit, markdown or json
  --fail-on <severity>    error (default), exit 1 when a rule of severity error fails;
                          warning, also when a warning fails
  --portal <url>          the portal's backend (e.g. https://backstage.example.com), to check with
                          its rules, its own included, through POST /api/guidance/validate
  --token <token>         a token the portal accepts (default: $PAVED_ROAD_TOKEN)
  --docs-url <url>        where the articles are read, for links (default: --portal)
  --output <file>         write the report to a file instead of stdout
  --report-ref <ref>      push the results for this branch or pull request, e.g. main or pull/42
  --entity <ref>          the catalog entity of the repository, e.g. component:default/orders
  --report-portal <url>   the portal's backend to push to (default: --portal)
  --report-token <token>  a report token the portal lists (default: $PAVED_ROAD_REPORT_TOKEN)
  --report-url <url>      a link to the pull request or CI run
  --report-title <text>   e.g. the pull request's title
  --commit <sha>          the commit checked
  -h, --help              this text

Exit codes: 0 passed, 1 a rule at or above --fail-on failed, 2 bad input or the portal failed.
`;
