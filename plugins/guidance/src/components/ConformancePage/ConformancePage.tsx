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
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ConformanceOverview } from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { applicableRules } from '../EntityConformance';
import { ConformanceTrendsSection } from '../ConformanceTrends';
import {
  OwnerRow,
  RuleRow,
  ServiceRow,
  TemplateRow,
  ownerColumnsOf,
  ruleColumnsOf,
  serviceColumnsOf,
  templateColumns,
} from './conformanceColumns';

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

/** The filters in force, each removable. */
function FilterChips(props: {
  owner?: string;
  rule?: string;
  className: string;
  onClear: (key: 'owner' | 'rule') => void;
}) {
  const { owner, rule, className, onClear } = props;
  if (!owner && !rule) return null;
  return (
    <div className={className} aria-label="Filters">
      {owner && (
        <Chip label={`Owner: ${owner}`} onDelete={() => onClear('owner')} />
      )}
      {rule && (
        <Chip label={`Rule: ${rule}`} onDelete={() => onClear('rule')} />
      )}
    </div>
  );
}

/** The services as rows; with a rule filter, those failing it first. */
function servicesOf(
  entities: ConformanceOverview['entities'],
  rule?: string,
): ServiceRow[] {
  const order = { fail: 0, waived: 1, pass: 2, 'not-applicable': 3 };
  const services: ServiceRow[] = entities
    .map(e => ({ ...e, id: e.entityRef, score: scoreOf(e.summary) }))
    // with a rule filter, the services failing it come first
    .sort((a, b) =>
      rule
        ? order[a.ruleStatus ?? 'not-applicable'] -
          order[b.ruleStatus ?? 'not-applicable']
        : 0,
    );
  return services;
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

  const filterButton = { className: classes.cellButton, setFilter };
  const ownerColumns = ownerColumnsOf(filterButton);
  const ruleColumns = ruleColumnsOf(filterButton);
  const serviceColumns = serviceColumnsOf(rule);

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (value) {
    const services = servicesOf(value.entities, rule);
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
        <FilterChips
          owner={owner}
          rule={rule}
          className={classes.filters}
          onClear={key => setFilter(key)}
        />
        {body}
      </Content>
    </Page>
  );
}
