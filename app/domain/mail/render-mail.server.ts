import { render } from '@react-email/render';
import { createElement, type ComponentType } from 'react';
import { isMailTemplateName, mailTemplates, type MailBody } from '../../../emails/templates.ts';

/** A queued template rendered to the HTML and plain-text parts of the mail. */
export async function renderMail(body: MailBody): Promise<{ html: string; text: string }> {
  const component = mailTemplates[body.template] as ComponentType<typeof body.props>;
  const element = createElement(component, body.props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

/** What the outbox stored (template name and JSON props) read back as a body. */
export function storedMailBody(template: string, propsJson: string): MailBody {
  if (!isMailTemplateName(template)) throw new Error(`unknown mail template "${template}"`);
  return { template, props: JSON.parse(propsJson) } as MailBody;
}
