import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('publishing settings', () => {
  it('defaults to the server’s own address, the name Copydesk and no webhook', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ publicSiteUrl: null, siteName: 'Copydesk', publishWebhookUrl: null, publishWebhookSecret: null });
  });

  it('reads the public site, its name and the webhook', () => {
    const config = loadConfig({
      PUBLIC_SITE_URL: 'https://news.example.com/',
      SITE_NAME: 'The Example News',
      PUBLISH_WEBHOOK_URL: 'https://hooks.example.com/copydesk',
      PUBLISH_WEBHOOK_SECRET: 's3cret',
    });
    expect(config).toMatchObject({
      publicSiteUrl: 'https://news.example.com',
      siteName: 'The Example News',
      publishWebhookUrl: 'https://hooks.example.com/copydesk',
      publishWebhookSecret: 's3cret',
    });
  });

  it('refuses a site or webhook that is not http(s), and a webhook without its secret', () => {
    expect(() => loadConfig({ PUBLIC_SITE_URL: 'ftp://news.example.com' })).toThrow(ConfigError);
    expect(() => loadConfig({ PUBLIC_SITE_URL: 'news.example.com' })).toThrow(ConfigError);
    expect(() => loadConfig({ PUBLISH_WEBHOOK_URL: 'javascript:alert(1)', PUBLISH_WEBHOOK_SECRET: 'x' })).toThrow(ConfigError);
    expect(() => loadConfig({ PUBLISH_WEBHOOK_URL: 'https://hooks.example.com' })).toThrow(/PUBLISH_WEBHOOK_SECRET/);
  });
});
