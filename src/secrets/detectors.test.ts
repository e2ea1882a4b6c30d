import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  containsAwsAccessKeyId,
  credentialAssignments,
  describeDetectors,
  detectSecrets,
  isCredentialName,
  isLiteralSecretValue,
  nameTokens,
} from './detectors.js';

// Test credentials are assembled at run time so that no complete token sits in the source,
// where secret scanners and push protection would (rightly) stop it.
const join = (...parts: string[]): string => parts.join('');
const PEM_BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7kubeward0fixture0only';
const AWS_ID = join('AKIA', 'KUBEWARDFIXTURE1');
const AWS_SECRET = join('kUbEwArD', '0fixture', '1ONLYnot', 'aRealKey', '2abcdEFG');
const GITHUB = join('gh', 'p_', 'KubewardFixtureTokenNotReal000000000');
const GITHUB_FINE = join('github', '_pat_', 'K'.repeat(22), '_', 'f'.repeat(59));
const SLACK = join('xo', 'xb-', '123456789012-1234567890123-KubewardFixtureOnly');
const GOOGLE = join('AI', 'za', 'SyKubewardFixtureOnly00000000000000');
const STRIPE = join('sk', '_live_', 'KubewardFixtureOnly00000000');
const JWT = join(Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'), '.', Buffer.from('{"sub":"kubeward"}').toString('base64url'), '.', 'c2lnbmF0dXJl');

describe('detectSecrets', () => {
  it('finds a PEM private key with a body, alone or inside a config file', () => {
    const key = `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----\n`;
    assert.deepEqual(detectSecrets(key), ['pem-private-key']);
    assert.deepEqual(detectSecrets(`tls:\n  enabled: true\n  key: |\n    ${key.replaceAll('\n', '\n    ')}`), ['pem-private-key']);
    assert.deepEqual(detectSecrets(`{"private_key": "-----BEGIN PRIVATE KEY-----\\n${PEM_BODY}\\n-----END PRIVATE KEY-----\\n"}`), ['pem-private-key']);
    assert.deepEqual(detectSecrets(`-----BEGIN OPENSSH PRIVATE KEY-----\n${PEM_BODY}`), ['pem-private-key'], 'no END line');
    assert.deepEqual(detectSecrets(`-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${PEM_BODY}\n-----END PGP PRIVATE KEY BLOCK-----`), ['pem-private-key']);
  });

  it('ignores public keys, certificates and armour around a placeholder', () => {
    assert.deepEqual(detectSecrets(`-----BEGIN PUBLIC KEY-----\n${PEM_BODY}\n-----END PUBLIC KEY-----`), []);
    assert.deepEqual(detectSecrets(`-----BEGIN CERTIFICATE-----\n${PEM_BODY}\n-----END CERTIFICATE-----`), []);
    assert.deepEqual(detectSecrets('-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----'), []);
  });

  it('finds AWS access key IDs, but not the documentation sample', () => {
    assert.deepEqual(detectSecrets(AWS_ID), ['aws-access-key-id']);
    assert.deepEqual(detectSecrets(join('ASIA', 'KUBEWARDFIXTURE2')), ['aws-access-key-id']);
    assert.equal(containsAwsAccessKeyId(join('AKIA', 'IOSFODNN7EXAMPLE')), false);
    assert.deepEqual(detectSecrets(join('XAKIA', 'KUBEWARDFIXTURE1')), [], 'part of a longer word');
    assert.deepEqual(detectSecrets(join('AKIA', 'KUBEWARD')), [], 'too short');
  });

  it('finds an AWS secret key only next to an access key ID', () => {
    assert.deepEqual(detectSecrets(AWS_SECRET), []);
    assert.deepEqual(detectSecrets(AWS_SECRET, { awsKeyIdNearby: true }), ['aws-secret-access-key']);
    const credentials = `[default]\naws_access_key_id = ${AWS_ID}\naws_secret_access_key = ${AWS_SECRET}\n`;
    assert.deepEqual(detectSecrets(credentials), ['aws-access-key-id', 'aws-secret-access-key']);
    assert.deepEqual(detectSecrets('da39a3ee5e6b4b0d3255bfef95601890afd80709', { awsKeyIdNearby: true }), [], 'a SHA-1 in hex');
    assert.deepEqual(detectSecrets(join('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYEXAMPLEKEY'), { awsKeyIdNearby: true }), [], 'the documentation sample');
  });

  it('finds GitHub, Slack, Google, Stripe tokens and JWTs by their prefixes', () => {
    assert.deepEqual(detectSecrets(GITHUB), ['github-token']);
    assert.deepEqual(detectSecrets(GITHUB_FINE), ['github-token']);
    assert.deepEqual(detectSecrets(join('gh', 'p_', 'short')), []);
    assert.deepEqual(detectSecrets(SLACK), ['slack-token']);
    assert.deepEqual(detectSecrets(join('xo', 'xb-', 'only')), []);
    assert.deepEqual(detectSecrets(GOOGLE), ['google-api-key']);
    assert.deepEqual(detectSecrets(STRIPE), ['stripe-secret-key']);
    assert.deepEqual(detectSecrets(join('sk', '_test_', 'KubewardFixtureOnly00000000')), [], 'test-mode keys move no money');
    assert.deepEqual(detectSecrets(`Authorization: Bearer ${JWT}`), ['jwt']);
  });

  it('wants a JOSE header before calling base64 a JWT', () => {
    const notJose = join(Buffer.from('{"name":"x","kind":"y"}').toString('base64url'), '.', 'abcdefgh', '.', 'ijkl');
    assert.deepEqual(detectSecrets(notJose), []);
    assert.deepEqual(detectSecrets('eyJhbGciOi.garbage.x'), []);
  });

  it('finds passwords in URLs, but not placeholders or host:port', () => {
    assert.deepEqual(detectSecrets('postgres://app:Sup3rS3cret@db.internal:5432/app'), ['url-credentials']);
    assert.deepEqual(detectSecrets('redis://:hunter2hunter2@redis:6379/0'), ['url-credentials']);
    assert.deepEqual(detectSecrets('postgres://app:${DB_PASSWORD}@db:5432/app'), []);
    assert.deepEqual(detectSecrets('postgres://app:$(DB_PASSWORD)@db:5432/app'), []);
    assert.deepEqual(detectSecrets('postgres://app:****@db:5432/app'), []);
    assert.deepEqual(detectSecrets('http://db.internal:5432/app@v2'), []);
    assert.deepEqual(detectSecrets('https://example.com/path'), []);
  });

  it('stays fast on long unbroken values', () => {
    const started = performance.now();
    detectSecrets(`${'a1'.repeat(300_000)}://x`);
    detectSecrets('eyJ'.repeat(100_000));
    detectSecrets(`-----BEGIN RSA PRIVATE KEY-----${'A'.repeat(500_000)}`);
    assert.ok(performance.now() - started < 5000);
  });

  it('describes matches without their values', () => {
    assert.equal(describeDetectors(['pem-private-key']), 'a PEM private key');
    assert.equal(describeDetectors(['aws-access-key-id', 'aws-secret-access-key', 'jwt']), 'an AWS access key ID, an AWS secret access key and a JSON Web Token');
  });
});

describe('isCredentialName', () => {
  it('splits names the way people write them', () => {
    assert.deepEqual(nameTokens('dbPassword'), ['db', 'password']);
    assert.deepEqual(nameTokens('APIKey'), ['api', 'key']);
    assert.deepEqual(nameTokens('spring.datasource.password'), ['spring', 'datasource', 'password']);
    assert.deepEqual(nameTokens('AWS_SECRET_ACCESS_KEY'), ['aws', 'secret', 'access', 'key']);
  });

  it('recognises credential names', () => {
    for (const name of [
      'PASSWORD',
      'DB_PASSWORD',
      'POSTGRES_PASSWORD',
      'dbPassword',
      'SMTP_PASS',
      'MYSQL_ROOT_PWD',
      'adminpassword',
      'CLIENT_SECRET',
      'JWT_SECRET',
      'clientSecret',
      'GITHUB_TOKEN',
      'ACCESS_TOKEN',
      'githubtoken',
      'API_KEY',
      'apiKey',
      'GOOGLE_MAPS_API_KEY',
      'STRIPE_SECRET_KEY',
      'AWS_SECRET_ACCESS_KEY',
      'PRIVATE_KEY',
      'SSH_PRIVATE_KEY_PEM',
      'SIGNING_KEY',
      'ENCRYPTION_KEY',
      'AZURE_STORAGE_ACCOUNT_KEY',
      'CREDENTIALS',
      'REGISTRY_CREDS',
      'TOKEN_2',
      'API_TOKEN_B64',
      'password.txt',
      'db-password',
    ]) {
      assert.ok(isCredentialName(name), name);
    }
  });

  it('does not flag names about a credential', () => {
    for (const name of [
      'DB_SECRET_NAME',
      'OAUTH_TOKEN_URL',
      'TOKEN_ENDPOINT',
      'DB_PASSWORD_FILE',
      'PASSWORD_PATH',
      'AWS_ACCESS_KEY_ID',
      'AWS_ACCESS_KEY',
      'MINIO_ACCESS_KEY',
      'KMS_KEY_ID',
      'TOKEN_TTL',
      'PASSWORD_MIN_LENGTH',
      'MAX_TOKENS',
      'PUBLIC_KEY',
      'STRIPE_PUBLISHABLE_KEY',
      'SORT_KEY',
      'PASSWORD_HASH',
      'SECRET_KEY_REF',
      'EXISTING_SECRET',
      'PWD',
      'OLDPWD',
      'BYPASS',
      'COMPASS',
      'AUTH_URL',
      'OAUTH_CLIENT_ID',
      'USERNAME',
      'secrets.yaml',
      'secret.env',
      '',
    ]) {
      assert.equal(isCredentialName(name), false, name);
    }
  });
});

describe('isLiteralSecretValue', () => {
  it('accepts written credentials, even weak ones', () => {
    for (const value of ['hunter2', 'password', 'changeme', 'S3cr3t!', 'abc', 'a b c', '$ecr3t!', 'p@ss$(word']) assert.ok(isLiteralSecretValue(value), value);
  });

  it('rejects what only stands for a credential', () => {
    for (const value of [
      '',
      '   ',
      '$(DB_PASSWORD)',
      'prefix-$(TOKEN)',
      '${DB_PASSWORD}',
      '{{ .Values.db.password }}',
      '<your-api-key>',
      '****',
      'xxxxxx',
      'REDACTED',
      'replace-me',
      'TODO',
      'true',
      'false',
      '0',
      '/var/run/secrets/db/password',
      '/etc/tls/tls.key',
      '~/.aws/credentials',
      'file:///run/secrets/token',
      'https://vault.internal:8200/v1/secret/data/app',
      'ENC(bWFkZSB1cCBjaXBoZXJ0ZXh0)',
      '$DB_PASSWORD',
      '$(cat /run/secrets/db-password)',
      '%(db_password)s',
      '#{DbPassword}#',
      '__API_TOKEN__',
      'vault:secret/data/orders#password',
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-db-AbCdEf',
      'projects/shop-prod/secrets/orders-db/versions/latest',
      'sm://shop-prod/orders-db',
    ]) {
      assert.equal(isLiteralSecretValue(value), false, value);
    }
  });

  it('keeps an escaped $$(VAR), which Kubernetes passes on literally', () => {
    assert.ok(isLiteralSecretValue('$$(NOT_A_REFERENCE)'));
  });
});

describe('credentialAssignments', () => {
  it('finds credential keys with written values in common config formats', () => {
    const properties = ['spring.datasource.url=jdbc:postgresql://db:5432/app', 'spring.datasource.username=app', 'spring.datasource.password=Sup3rS3cret'].join('\n');
    assert.deepEqual(credentialAssignments(properties), ['spring.datasource.password']);
    assert.deepEqual(credentialAssignments('[smtp]\nhost = mail.internal\npassword = "hunter2hunter2" ; set by ops\n'), ['password']);
    assert.deepEqual(credentialAssignments('database:\n  user: app\n  password: Sup3rS3cret # rotate\n'), ['password']);
    assert.deepEqual(credentialAssignments('export API_TOKEN=abc123def456\n'), ['API_TOKEN']);
    assert.deepEqual(credentialAssignments('{"clientId": "web", "clientSecret": "Sup3rS3cret", "tokenUrl": "https://x"}'), ['clientSecret']);
    assert.deepEqual(credentialAssignments('<config><password>Sup3rS3cret</password></config>'), ['password']);
  });

  it('skips placeholders, references, comments, nested blocks and names about credentials', () => {
    const text = [
      '# password: hunter2',
      'spring.datasource.password=${DB_PASSWORD}',
      'password: {{ .Values.password }}',
      'token:',
      '  value: x',
      'apiKey: |',
      'passwordFile: /run/secrets/db',
      'token_url: https://login.example.com/token',
      'secret_name: db-credentials',
      'password: ""',
      'password: ENC(bWFkZSB1cCBjaXBoZXJ0ZXh0)',
    ].join('\n');
    assert.deepEqual(credentialAssignments(text), []);
  });
});
