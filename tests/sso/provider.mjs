// A real OpenID provider for the single sign-on tests: the certified `oidc-provider` package
// (npm, package.json), on a free loopback port, with one test client, its users, and PKCE
// required. Prints one line of JSON (the issuer) when it listens; stops when stdin closes.
//
//   node tests/sso/provider.mjs '{"redirectUri": "...", "clientId": "...", "clientSecret": "...",
//                                 "accounts": {"alice": {"email": "...", "groups": [...]}},
//                                 "wrongKey": false}'
//
// wrongKey: the ID tokens are signed with one key while the JWKS endpoint publishes another
// under the same key id, as if a token had been signed by someone else.
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';

import Provider from 'oidc-provider';

const options = JSON.parse(process.argv[2]);

function rsaKey(kid) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
}

function publicPart({ kty, n, e, kid, alg, use }) {
  return { kty, n, e, kid, alg, use };
}

const signing = rsaKey('test-key');
const published = options.wrongKey ? rsaKey('test-key') : signing;

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: options.clientId,
      client_secret: options.clientSecret,
      redirect_uris: [options.redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    jwks: { keys: [signing] },
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'groups'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], groups: ['groups'] },
    cookies: { keys: ['a-test-cookie-key-only'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(ctx, id) {
      const account = options.accounts[id];
      if (!account) {
        return undefined;
      }
      return {
        accountId: id,
        async claims() {
          return { sub: id, email_verified: true, ...account };
        },
      };
    },
  });
  if (options.wrongKey) {
    provider.use(async (ctx, next) => {
      if (ctx.path === '/jwks') {
        ctx.body = { keys: [publicPart(published)] };
        return;
      }
      await next();
    });
  }
  server.on('request', provider.callback());
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});

process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
