import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ConformanceOverview,
  RuleSummary,
} from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { RuleArticleLink, applicableRules } from '../EntityConformance';
import { ConformanceTrendsSection } from '../ConformanceTrends';

type ServiceRow = ConformanceOverview['entities'][number] & {
  id: string;
  score: number;
};
type OwnerRow = {
  id: string;
  owner: string | null;
  services: number;
  following: number;
  failingRules: number;
};
type RuleRow = ConformanceOverview['rules'][number] & { id: string };
type TemplateRow = NonNullable<ConformanceOverview['templates']>[number] & {
  id: string;
};

/** How many services were created (or last upgraded) from each version of a golden path. */
const templateColumns: TableColumn<TemplateRow>[] = [
  { title: 'Golden path', field: 'template' },
  { title: 'Version', field: 'version', type: 'numeric', defaultSort: 'desc' },
  { title: 'Services', field: 'count', type: 'numeric' },
];

const useStyles = makeStyles(theme => ({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
  cellButton: { minWidth: 0, padding: theme.spacing(0, 1) },
}));

/** Share of applicable rules a service passes, 0..1 (1 when none apply). */
const scoreOf = (s: ServiceRow['summary']) =>
  applicableRules(s) === 0 ? 1 : s.pass / applicableRules(s);

export function byOwner(entities: ConformanceOverview['entities']): OwnerRow[] {
  const rows = new Map<string, OwnerRow>();
  for (const e of entities) {
    const key = e.owner ?? '';
    const row = rows.get(key) ?? {
      id: key || '(none)',
      owner: e.owner,
      services: 0,
      following: 0,
      failingRules: 0,
    };
    row.services += 1;
    // a service none of whose manifests any rule applies to follows nothing yet
    if (e.summary.fail === 0 && !e.error && applicableRules(e.summary) > 0) {
      row.following += 1;
    }
    row.failingRules += e.summary.fail;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** `/guidance/conformance`: every service the user may see, by owner and by rule. */
export function ConformancePage() {
  const classes = useStyles();
  const api = useApi(guidanceApiRef);
  const [params, setParams] = useSearchParams();
  const owner = params.get('owner') ?? undefined;
  const rule = params.get('rule') ?? undefined;
  const { value, loading, error } = useAsync(
    () => api.getConformanceOverview({ owner, rule }),
    [api, owner, rule],
  );
  const setFilter = (key: 'owner' | 'rule', to?: string) => {
    const next = new URLSearchParams(params);
    if (to) next.set(key, to);
    else next.delete(key);
    setParams(next);
  };

  const ownerColumns: TableColumn<OwnerRow>[] = [
    {
      title: 'Owner',
      field: 'id',
      highlight: true,
      render: row =>
        row.owner ? (
          <EntityRefLink entityRef={row.owner} defaultKind="group" />
        ) : (
          'No owner'
        ),
    },
    {
      title: 'Services',
      field: 'services',
      type: 'numeric',
      render: row =>
        row.owner ? (
          <Button
            size="small"
            className={classes.cellButton}
            onClick={() => setFilter('owner', row.owner!)}
            aria-label={`Show the ${row.services} services of ${row.owner}`}
          >
            {row.services}
          </Button>
        ) : (
          row.services
        ),
    },
    { title: 'Follow every rule', field: 'following', type: 'numeric' },
    { title: 'Failing rules', field: 'failingRules', type: 'numeric' },
  ];

  const ruleColumns: TableColumn<RuleRow>[] = [
    {
      title: 'Rule',
      field: 'rule.title',
      highlight: true,
      customSort: (a, b) => a.rule.title.localeCompare(b.rule.title),
    },
    {
      title: 'Explained in',
      field: 'rule.article.title',
      render: row => <RuleArticleLink rule={row.rule as RuleSummary} />,
    },
    { title: 'Severity', field: 'rule.severity' },
    { title: 'Pass', field: 'pass', type: 'numeric' },
    {
      title: 'Fail',
      field: 'fail',
      type: 'numeric',
      render: row =>
        row.fail > 0 ? (
          <Button
            size="small"
            color="secondary"
            className={classes.cellButton}
            onClick={() => setFilter('rule', row.rule.id)}
            aria-label={`Show the services ${row.rule.id} applies to, failing first`}
          >
            {row.fail}
          </Button>
        ) : (
          0
        ),
    },
    { title: 'Waived', field: 'waived', type: 'numeric' },
  ];

  const serviceColumns: TableColumn<ServiceRow>[] = [
    {
      title: 'Service',
      field: 'entityRef',
      highlight: true,
      render: row => <EntityRefLink entityRef={row.entityRef} />,
    },
    {
      title: 'Owner',
      field: 'owner',
      render: row =>
        row.owner ? (
          <EntityRefLink entityRef={row.owner} defaultKind="group" />
        ) : (
          '—'
        ),
    },
    {
      title: 'Follows',
      field: 'score',
      type: 'numeric',
      render: row =>
        row.error ? (
          <Typography variant="body2" color="error">
            {row.error}
          </Typography>
        ) : (
          `${row.summary.pass} of ${applicableRules(row.summary)}`
        ),
    },
    { title: 'Failing', field: 'summary.fail', type: 'numeric' },
    { title: 'Waived', field: 'summary.waived', type: 'numeric' },
    ...(rule
      ? [
          {
            title: `Rule ${rule}`,
            field: 'ruleStatus',
            render: (row: ServiceRow) => (
              <Typography
                variant="body2"
                color={row.ruleStatus === 'fail' ? 'error' : 'textPrimary'}
              >
                {row.ruleStatus ?? '—'}
              </Typography>
            ),
          } as TableColumn<ServiceRow>,
        ]
      : []),
  ];

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (value) {
    const order = { fail: 0, waived: 1, pass: 2, 'not-applicable': 3 };
    const services: ServiceRow[] = value.entities
      .map(e => ({ ...e, id: e.entityRef, score: scoreOf(e.summary) }))
      // with a rule filter, the services failing it come first
      .sort((a, b) =>
        rule
          ? order[a.ruleStatus ?? 'not-applicable'] -
            order[b.ruleStatus ?? 'not-applicable']
          : 0,
      );
    body = (
      <Grid container spacing={3}>
        <ConformanceTrendsSection
          owner={owner}
          rule={rule}
          rules={value.rules.map(r => r.rule)}
        />
        <Grid item xs={12}>
          <Table<OwnerRow>
            title="By owner"
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={ownerColumns}
            data={byOwner(value.entities)}
          />
        </Grid>
        <Grid item xs={12}>
          <Table<RuleRow>
            title="By rule"
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={ruleColumns}
            data={value.rules.map(r => ({ ...r, id: r.rule.id }))}
          />
        </Grid>
        {value.templates && value.templates.length > 0 && (
          <Grid item xs={12}>
            <Table<TemplateRow>
              title="By golden path version"
              options={{ paging: false, search: false, padding: 'dense' }}
              columns={templateColumns}
              data={value.templates.map(t => ({
                ...t,
                id: `${t.template}@${t.version}`,
              }))}
            />
          </Grid>
        )}
        <Grid item xs={12}>
          <Table<ServiceRow>
            title={`Services (${services.length})`}
            options={{
              paging: services.length > 50,
              pageSize: 50,
              padding: 'dense',
            }}
            columns={serviceColumns}
            data={services}
            emptyContent={
              <Typography
                variant="body2"
                color="textSecondary"
                style={{ padding: 16 }}
              >
                No evaluated service matches. Services are evaluated on the
                conformance schedule once their source location is readable.
              </Typography>
            }
          />
        </Grid>
      </Grid>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Conformance"
        subtitle="Which services follow the paved road, rule by rule"
        pageTitleOverride="Conformance | Guidance"
      />
      <Content>
        <ContentHeader title="Services and rules" />
        {(owner || rule) && (
          <div className={classes.filters} aria-label="Filters">
            {owner && (
              <Chip
                label={`Owner: ${owner}`}
                onDelete={() => setFilter('owner')}
              />
            )}
            {rule && (
              <Chip
                label={`Rule: ${rule}`}
                onDelete={() => setFilter('rule')}
              />
            )}
          </div>
        )}
        {body}
      </Content>
    </Page>
  );
}
