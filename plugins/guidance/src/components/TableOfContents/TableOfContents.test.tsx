import { act, fireEvent, render, screen } from '@testing-library/react';
import { TableOfContents } from './TableOfContents';

const toc = [
  { id: 'intro', text: 'Intro', level: 2 },
  { id: 'details', text: 'Details', level: 3 },
  { id: 'summary', text: 'Summary', level: 2 },
];

function renderWithHeadings() {
  return render(
    <>
      {toc.map(entry => (
        <h2 key={entry.id} id={entry.id}>
          {entry.text}
        </h2>
      ))}
      <TableOfContents toc={toc} />
    </>,
  );
}

describe('TableOfContents', () => {
  const original = (global as any).IntersectionObserver;
  afterEach(() => {
    (global as any).IntersectionObserver = original;
  });

  it('links every section and indents sub-sections', () => {
    renderWithHeadings();
    const links = screen.getAllByRole('link');
    expect(links.map(l => l.getAttribute('href'))).toEqual([
      '#intro',
      '#details',
      '#summary',
    ]);
    expect(links[1].style.paddingLeft).toBe('24px');
    expect(
      screen.getByRole('navigation', { name: 'On this page' }),
    ).toBeInTheDocument();
  });

  it('works without IntersectionObserver and scrolls on click', () => {
    (global as any).IntersectionObserver = undefined;
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    renderWithHeadings();
    fireEvent.click(screen.getByRole('link', { name: 'Summary' }));
    expect(scrollIntoView.mock.contexts[0]).toBe(
      document.getElementById('summary'),
    );
    expect(screen.getByRole('link', { name: 'Summary' })).toHaveAttribute(
      'aria-current',
      'location',
    );
    expect(document.activeElement).toBe(document.getElementById('summary'));
  });

  it('highlights the last section scrolled past, even after a long jump', () => {
    let callback: () => void = () => {};
    const observed: Element[] = [];
    (global as any).IntersectionObserver = class {
      constructor(cb: () => void) {
        callback = cb;
      }
      observe(el: Element) {
        observed.push(el);
      }
      disconnect() {}
    };
    renderWithHeadings();
    expect(observed.map(el => el.id)).toEqual(['intro', 'details', 'summary']);
    // the line sits 120px below the top of the viewport
    const scrollTo = (tops: Record<string, number>) =>
      act(() => {
        for (const [id, top] of Object.entries(tops)) {
          document.getElementById(id)!.getBoundingClientRect = () =>
            ({ top } as DOMRect);
        }
        callback();
      });
    const current = () =>
      screen
        .getAllByRole('link')
        .filter(l => l.getAttribute('aria-current') === 'location')
        .map(l => l.textContent);

    scrollTo({ intro: 300, details: 900, summary: 1800 });
    expect(current()).toEqual(['Intro']);

    scrollTo({ intro: -400, details: 50, summary: 900 });
    expect(current()).toEqual(['Details']);

    scrollTo({ intro: -2000, details: -1500, summary: 100 });
    expect(current()).toEqual(['Summary']);

    // back to the top in one jump: nothing of "Summary" or "Details" fired on its own
    scrollTo({ intro: 110, details: 900, summary: 1800 });
    expect(current()).toEqual(['Intro']);

    // a section chosen in the table stays current while on screen, until the user scrolls
    fireEvent.click(screen.getByRole('link', { name: 'Summary' }));
    scrollTo({ intro: -900, details: -100, summary: 500 });
    expect(current()).toEqual(['Summary']);
    fireEvent.wheel(window);
    scrollTo({ intro: -900, details: -100, summary: 500 });
    expect(current()).toEqual(['Details']);
  });

  it('renders nothing for an article without headings', () => {
    const { container } = render(<TableOfContents toc={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
