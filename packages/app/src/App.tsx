import { createApp } from '@backstage/frontend-defaults';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { SignInPage } from '@backstage/core-components';

// Guest sign-in for the local demo; plugins in package.json are discovered (app.packages: all).
const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () => props => <SignInPage {...props} auto providers={['guest']} />,
      },
    }),
  ],
});

export default createApp({
  features: [signInModule],
});
