import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { rootRouteRef } from '../../routes';
import { summaries } from '../../testing/fixtures';
import { ArticleNav, groupByCategory, shortTitle } from './ArticleNav';

describe('ArticleNav', () => {
  it('groups articles by category in the fixed order and marks the current one', async () => {
    await renderInTestApp(
      <ArticleNav articles={summaries} currentId="saga-pattern" />,
      {
        mountedRoutes: { '/guidance': rootRouteRef },
      },
    );
    const nav = screen.getByRole('navigation', { name: 'Guidance articles' });
    expect(
      within(nav)
        .getAllByRole('heading')
        .map(h => h.textContent),
    ).toEqual(['GitOps', 'Databases', 'Architecture']);
    const current = within(nav).getByRole('link', { current: 'page' });
    expect(current).toHaveTextContent('Saga pattern');
    expect(current).toHaveAttribute('href', '/guidance/saga-pattern');
    expect(
      within(nav).getByRole('link', { name: 'All guidance' }),
    ).toHaveAttribute('href', '/guidance');
  });

  it('shows titles without their subtitle, keeping the full title as a tooltip', async () => {
    await renderInTestApp(<ArticleNav articles={summaries} />, {
      mountedRoutes: { '/guidance': rootRouteRef },
    });
    const link = screen.getByRole('link', {
      name: 'Database Connection Pooling',
    });
    expect(link).toHaveAttribute('title', summaries[0].title);
    expect(shortTitle('No subtitle here')).toBe('No subtitle here');
  });

  it('puts unknown categories last', () => {
    const groups = groupByCategory([
      { ...summaries[0], category: 'zz-custom' },
      summaries[2],
    ]);
    expect(groups.map(g => g.id)).toEqual(['gitops', 'zz-custom']);
  });
});
