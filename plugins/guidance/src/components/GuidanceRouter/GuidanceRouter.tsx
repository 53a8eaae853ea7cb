import { Route, Routes } from 'react-router-dom';
import { LibraryPage } from '../LibraryPage';
import { ReaderPage } from '../ReaderPage';

/** Everything under the plugin's mount point: the library and the reader. */
export function GuidanceRouter() {
  return (
    <Routes>
      <Route path="/" element={<LibraryPage />} />
      <Route path="/:id" element={<ReaderPage />} />
    </Routes>
  );
}
