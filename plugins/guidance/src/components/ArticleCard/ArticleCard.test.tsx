import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { rootRouteRef } from '../../routes';
import { pooling } from '../../testing/fixtures';
import { ArticleCard } from './ArticleCard';

describe('ArticleCard', () => {
  it('shows title link, summary, category, reading time and date', async () => {
    await renderInTestApp(<ArticleCard article={pooling} />, {
      mountedRoutes: { '/guidance': rootRouteRef },
    });
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(
      pooling.title,
    );
    expect(screen.getByRole('link', { name: pooling.title })).toHaveAttribute(
      'href',
      '/guidance/database-connection-pooling',
    );
    expect(screen.getByText(pooling.summary)).toBeInTheDocument();
    expect(screen.getByText('Databases')).toBeInTheDocument();
    expect(screen.getByText(/14 min read/)).toBeInTheDocument();
    expect(screen.getByText('2026-11-20')).toHaveAttribute(
      'datetime',
      '2026-11-20',
    );
  });
});
