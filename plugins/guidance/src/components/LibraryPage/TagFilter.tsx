import { useMemo, useState } from 'react';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import { ArticleSummary } from '@paved-road/plugin-guidance-common';
import { useLibraryStyles } from './styles';

const VISIBLE_TAGS = 24;

/** Tags of the given articles, most used first. */
export function tagsByUse(
  articles: ArticleSummary[],
): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const tag of article.tags) {
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** The tags of the shown articles, most used first, as toggles. */
export function TagFilter(props: {
  articles: ArticleSummary[];
  selected?: string;
  onSelect: (tag: string | undefined) => void;
}) {
  const { articles, selected, onSelect } = props;
  const classes = useLibraryStyles();
  const [showAll, setShowAll] = useState(false);
  const tags = useMemo(() => tagsByUse(articles), [articles]);
  let visible = showAll ? tags : tags.slice(0, VISIBLE_TAGS);
  if (selected && !visible.some(t => t.tag === selected)) {
    visible = [{ tag: selected, count: 0 }, ...visible];
  }
  if (tags.length === 0) {
    return null;
  }
  return (
    <div role="group" aria-label="Filter by tag" className={classes.tags}>
      {visible.map(({ tag }) => {
        const isSelected = tag === selected;
        return (
          <Chip
            key={tag}
            label={tag}
            size="small"
            clickable
            color={isSelected ? 'primary' : 'default'}
            variant={isSelected ? 'default' : 'outlined'}
            aria-pressed={isSelected}
            onClick={() => onSelect(isSelected ? undefined : tag)}
          />
        );
      })}
      {tags.length > VISIBLE_TAGS && (
        <Button
          size="small"
          onClick={() => setShowAll(v => !v)}
          aria-expanded={showAll}
        >
          {showAll ? 'Fewer tags' : `All ${tags.length} tags`}
        </Button>
      )}
    </div>
  );
}
