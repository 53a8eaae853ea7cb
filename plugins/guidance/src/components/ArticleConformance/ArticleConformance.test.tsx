import { screen, within } from '@testing-library/react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { rootRouteRef } from '../../routes';
import { mockGuidanceApi, responseError } from '../../testing/fixtures';
import { articleConformance } from '../../testing/conformanceFixtures';
import { ArticleConformance, followSentence } from './ArticleConformance';

async function render(api = mockGuidanceApi()) {
  const { container } = await renderInTestApp(
    <TestApiProvider apis={[[guidanceApiRef, api]]}>
      <ArticleConformance articleId="golden-paths" />
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/guidance': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
  return { api, container };
}

describe('ArticleConformance', () => {
  it('says how many services follow an article', () => {
    expect(followSentence(12, 3)).toBe("12 services follow it, 3 don't");
    expect(followSentence(1, 1)).toBe("1 service follows it, 1 doesn't");
  });

  it('shows the rules the article backs and the services that follow them or not', async () => {
    const { api } = await render(
      mockGuidanceApi({
        getArticleConformance: jest.fn().mockResolvedValue(articleConformance),
      }),
    );
    expect(
      await screen.findByTestId('article-conformance-count'),
    ).toHaveTextContent("1 service follows it, 1 doesn't");
    expect(api.getArticleConformance).toHaveBeenCalledWith('golden-paths');
    expect(
      screen.getByRole('heading', { name: 'Rules this article backs' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Every container has a memory limit'),
    ).toBeInTheDocument();
    const dont = screen.getByRole('list', {
      name: "Services that don't follow it",
    });
    expect(
      within(dont).getByRole('link', { name: 'reports-worker' }),
    ).toHaveAttribute('href', '/catalog/default/component/reports-worker');
    expect(dont).toHaveTextContent('fails Every container has a memory limit');
    const follow = screen.getByRole('list', {
      name: 'Services that follow it',
    });
    expect(
      within(follow).getByRole('link', { name: 'payments-api' }),
    ).toBeInTheDocument();
  });

  it('renders nothing for an article that backs no rule, and says so when loading fails', async () => {
    const { container } = await render();
    await new Promise(r => setTimeout(r, 0));
    expect(container.textContent).toBe('');

    const error = await responseError(500, 'boom');
    await render(
      mockGuidanceApi({
        getArticleConformance: jest.fn().mockRejectedValue(error),
      }),
    );
    expect(
      await screen.findByText(
        /Could not load which services follow this article/,
      ),
    ).toBeInTheDocument();
  });
});
