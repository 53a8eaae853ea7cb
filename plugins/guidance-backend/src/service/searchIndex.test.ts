import { stem } from './searchIndex';

describe('stem', () => {
  it.each([
    ['pools', 'pool'],
    ['pooling', 'pool'],
    ['pooled', 'pool'],
    ['paged', 'page'],
    ['pages', 'page'],
    ['paging', 'page'],
    ['running', 'run'],
    ['policies', 'polici'],
    ['policy', 'polici'],
    ['agreed', 'agree'],
    ['kubernetes', 'kubernete'],
    ['status', 'status'],
    ['k8s', 'k8s'],
    ['dns', 'dns'],
  ])('%s becomes %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });
});
