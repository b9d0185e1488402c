/**
 * GraphiQL served entirely from this server (no CDN: it must work with the network unplugged),
 * with a sign-in bar that stores the token in the browser and adds it to every request. Headers set
 * in GraphiQL's own header editor (e.g. an API key) take precedence.
 */
export const GRAPHIQL_ASSETS: Record<string, [pkg: string, file: string]> = {
  'react.js': ['react', 'umd/react.production.min.js'],
  'react-dom.js': ['react-dom', 'umd/react-dom.production.min.js'],
  'graphiql.js': ['graphiql', 'graphiql.min.js'],
  'graphiql.css': ['graphiql', 'graphiql.min.css'],
};

const DEFAULT_QUERY = `# Delegated social assistance (低保·特困·临时救助审核确认权限下放)
#
# Sign in with a demo account in the bar above (see README for the table),
# or put "Authorization": "Bearer <token or API key>" in the Headers tab.

query Me {
  me {
    username
    displayName
    roles { role regionCode districtCode townshipCode villageCode }
  }
}
`;

export function graphiqlPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>GraphiQL · Delegated social assistance</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css">
  <style>
    html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
    body { display: flex; flex-direction: column; }
    #signin { display: flex; gap: 8px; align-items: center; padding: 6px 12px; background: #f3f4f6; border-bottom: 1px solid #ddd; font-size: 14px; }
    #signin input { padding: 4px 6px; }
    #signin .who { margin-left: auto; color: #374151; }
    #signin .error { color: #b91c1c; }
    #graphiql { flex: 1; min-height: 0; }
  </style>
</head>
<body>
  <form id="signin">
    <strong>Sign in 登录</strong>
    <input id="username" autocomplete="username" placeholder="username">
    <input id="password" type="password" autocomplete="current-password" placeholder="password">
    <button type="submit">Sign in</button>
    <button type="button" id="signout">Sign out</button>
    <span class="error" id="error"></span>
    <span class="who" id="who">anonymous</span>
  </form>
  <div id="graphiql"></div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script>
    const TOKEN = 'delegated-assistance.token';
    const WHO = 'delegated-assistance.who';
    const who = document.getElementById('who');
    const error = document.getElementById('error');
    const show = () => { who.textContent = localStorage.getItem(WHO) || 'anonymous'; };
    async function post(body, headers) {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: Object.assign({ 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' }, headers),
        body: JSON.stringify(body),
      });
      return response.json();
    }
    document.getElementById('signin').addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      const result = await post({
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token account { username roles { role regionCode } } } }',
        variables: { u: document.getElementById('username').value, p: document.getElementById('password').value },
      });
      if (result.errors) { error.textContent = result.errors[0].message; return; }
      const { token, account } = result.data.login;
      localStorage.setItem(TOKEN, token);
      localStorage.setItem(WHO, account.username + ' · ' + account.roles.map((r) => r.role + '@' + r.regionCode).join(', '));
      document.getElementById('password').value = '';
      show();
    });
    document.getElementById('signout').addEventListener('click', () => {
      localStorage.removeItem(TOKEN);
      localStorage.removeItem(WHO);
      show();
    });
    show();
    function fetcher(params, options) {
      const headers = Object.assign({}, options && options.headers);
      const token = localStorage.getItem(TOKEN);
      const hasAuth = Object.keys(headers).some((h) => h.toLowerCase() === 'authorization');
      if (token && !hasAuth) headers.Authorization = 'Bearer ' + token;
      return post(params, headers);
    }
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)}, shouldPersistHeaders: true })
    );
  </script>
</body>
</html>
`;
}
