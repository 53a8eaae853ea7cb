import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  ConformanceRulePreview,
  RuleSummary,
} from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';

type Row = ConformanceRulePreview['entities'][number] & { id: string };

const columns: TableColumn<Row>[] = [
  {
    title: 'Service',
    field: 'entityRef',
    render: row => <EntityRefLink entityRef={row.entityRef} />,
  },
  {
    title: 'Owner',
    field: 'owner',
    render: row =>
      row.owner ? <EntityRefLink entityRef={row.owner} /> : 'no owner',
  },
  {
    title: 'Why it would fail',
    field: 'findings',
    render: row => (
      <>
        {row.findings.slice(0, 3).map((f, i) => (
          <Typography key={i} variant="body2">
            {f.file ? `${f.file}: ` : ''}
            {f.message}
          </Typography>
        ))}
        {row.findings.length > 3 && (
          <Typography variant="caption" color="textSecondary">
            and {row.findings.length - 3} more
          </Typography>
        )}
      </>
    ),
  },
];

function describeEnforcement(preview: ConformanceRulePreview) {
  const { enforcement, enforceFrom } = preview.enforcement;
  return `Enforcement: ${enforcement}${
    enforceFrom ? `, enforced from ${enforceFrom}` : ''
  } (today: ${preview.enforcementToday})`;
}

/**
 * The blast radius of a rule: the services and owners it would fail if enforced today,
 * before a staged rule is switched on.
 */
export function RulePreviewCard(props: {
  rules: RuleSummary[];
  initialRule?: string;
}) {
  const api = useApi(guidanceApiRef);
  const [rule, setRule] = useState(props.initialRule ?? props.rules[0]?.id);
  const { value, loading, error } = useAsync(
    async () => (rule ? api.previewRule(rule) : undefined),
    [api, rule],
  );
  return (
    <InfoCard title="Preview: who would fail if this rule were enforced today">
      <TextField
        select
        label="Rule"
        value={rule ?? ''}
        onChange={e => setRule(e.target.value)}
        variant="outlined"
        size="small"
        style={{ minWidth: 320, marginBottom: 16 }}
        inputProps={{ 'data-testid': 'preview-rule-select' }}
      >
        {props.rules.map(r => (
          <MenuItem key={r.id} value={r.id}>
            {r.title} ({r.id})
          </MenuItem>
        ))}
      </TextField>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <>
          <Typography
            variant="body2"
            color="textSecondary"
            data-testid="preview-summary"
          >
            {describeEnforcement(value)}. {value.entities.length} service
            {value.entities.length === 1 ? '' : 's'} would fail, owned by{' '}
            {new Set(value.entities.map(e => e.owner ?? 'no owner')).size} owner
            {new Set(value.entities.map(e => e.owner ?? 'no owner')).size === 1
              ? ''
              : 's'}
            .
          </Typography>
          <Table<Row>
            options={{
              paging: value.entities.length > 20,
              pageSize: 20,
              search: false,
              padding: 'dense',
              toolbar: false,
            }}
            columns={columns}
            data={value.entities.map(e => ({ ...e, id: e.entityRef }))}
          />
        </>
      )}
    </InfoCard>
  );
}
