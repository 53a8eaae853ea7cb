import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { MermaidDiagram } from './MermaidDiagram';

const render = jest.fn();
const initialize = jest.fn();
jest.mock('mermaid', () => ({
  __esModule: true,
  default: {
    initialize: (...args: unknown[]) => initialize(...args),
    render: (...args: unknown[]) => render(...args),
  },
}));

describe('MermaidDiagram', () => {
  beforeEach(() => {
    render.mockReset();
    initialize.mockReset();
  });

  it('draws the diagram with strict security and a theme that follows the app', async () => {
    render.mockResolvedValue({ svg: '<svg><g class="node"></g></svg>' });
    await renderInTestApp(<MermaidDiagram source="graph LR; a-->b" />);
    const figure = await screen.findByTestId('mermaid-diagram');
    expect(figure.querySelector('svg g.node')).not.toBeNull();
    expect(initialize).toHaveBeenCalledWith(
      expect.objectContaining({
        securityLevel: 'strict',
        startOnLoad: false,
        theme: 'default',
      }),
    );
    expect(render).toHaveBeenCalledWith(
      expect.stringMatching(/^guidance-mermaid-\d+$/),
      'graph LR; a-->b',
    );
  });

  it('falls back to the source when mermaid cannot parse it', async () => {
    render.mockRejectedValue(new Error('Syntax error in text'));
    await renderInTestApp(<MermaidDiagram source="graph ???" />);
    const fallback = await screen.findByTestId('mermaid-fallback');
    expect(fallback).toHaveTextContent('Syntax error in text');
    expect(fallback).toHaveTextContent('graph ???');
    expect(screen.queryByTestId('mermaid-diagram')).toBeNull();
  });
});
