import { act, fireEvent, screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { CodeBlock } from './CodeBlock';
import { prismLanguage } from './prismLanguages';

describe('CodeBlock', () => {
  it('copies the code and says so', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
    await renderInTestApp(
      <CodeBlock code={'kubectl get pods\nkubectl logs x'} language="bash" />,
    );
    expect(screen.getByText('bash')).toBeInTheDocument();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    });
    expect(writeText).toHaveBeenCalledWith('kubectl get pods\nkubectl logs x');
    expect(screen.getByRole('status')).toHaveTextContent('Copied to clipboard');
  });

  it('reports a refused clipboard', async () => {
    const writeText = jest.fn().mockRejectedValue(new Error('denied'));
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
    await renderInTestApp(<CodeBlock code="x" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    });
    expect(screen.getByRole('status')).toHaveTextContent(/Could not copy/);
  });

  it('highlights registered languages and their aliases', async () => {
    expect(prismLanguage('yml')).toBe('yaml');
    expect(prismLanguage('Dockerfile')).toBe('docker');
    expect(prismLanguage('sh')).toBe('bash');
    expect(prismLanguage('text')).toBeUndefined();
    await renderInTestApp(<CodeBlock code="replicas: 3" language="yaml" />);
    expect(document.querySelector('.token.key')).toHaveTextContent('replicas');
  });
});
