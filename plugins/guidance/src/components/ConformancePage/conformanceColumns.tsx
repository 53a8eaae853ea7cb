import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ConformanceOverview,
  RuleSummary,
} from '@paved-road/plugin-guidance-common';
import { RuleArticleLink, applicableRules } from '../EntityConformance';

export type ServiceRow = ConformanceOverview['entities'][number] & {
  id: string;
  score: number;
};
export type OwnerRow = {
  id: string;
  owner: string | null;
  services: number;
  following: number;
  failingRules: number;
};
export type RuleRow = ConformanceOverview['rules'][number] & { id: string };
export type TemplateRow = NonNullable<
  ConformanceOverview['templates']
>[number] & {
  id: string;
};

/** How many services were created (or last upgraded) from each version of a golden path. */
export const templateColumns: TableColumn<TemplateRow>[] = [
  { title: 'Golden path', field: 'template' },
  { title: 'Version', field: 'version', type: 'numeric', defaultSort: 'desc' },
  { title: 'Services', field: 'count', type: 'numeric' },
];

/** A count in a table cell that narrows the page to what it counts. */
export type FilterButton = {
  className: string;
  setFilter: (key: 'owner' | 'rule', to?: string) => void;
};

/** The "By owner" table: services per owner, with a button to show an owner's services. */
export function ownerColumnsOf(button: FilterButton): TableColumn<OwnerRow>[] {
  return [
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
            className={button.className}
            onClick={() => button.setFilter('owner', row.owner!)}
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
}

/** The "By rule" table: passes, failures (a button to show them) and waivers per rule. */
export function ruleColumnsOf(button: FilterButton): TableColumn<RuleRow>[] {
  return [
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
            className={button.className}
            onClick={() => button.setFilter('rule', row.rule.id)}
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
}

/** The services table; with a rule filter, each service's status for that rule too. */
export function serviceColumnsOf(rule?: string): TableColumn<ServiceRow>[] {
  return [
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
}
