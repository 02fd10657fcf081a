import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import { useMemo, useState } from 'react';
import { data, Form, Link, redirect, useNavigation } from 'react-router';
import type { Route } from './+types/suggest';
import { CaptchaWidget } from '../components/captcha-widget.tsx';
import { Field, useErrorText } from '../components/form-field.tsx';
import { PublicationChoice } from '../components/publication-choice.tsx';
import { handleWebSubmission } from '../domain/intake/web/submit-web-form.server.ts';
import { lookUpSimilar } from '../web/similar-lookup.server.ts';
import { SimilarSuggestions } from '../components/similar-suggestions.tsx';
import { SimilarAsYouType, useSimilarAsYouType } from '../components/similar-as-you-type.tsx';
import { consultationWindow } from '../domain/plans/consultation-window.ts';
import { getPublicPlan } from '../domain/plans/queries.server.ts';
import { characterCount, suggestionFormSchema, unvalidatedFormSchema } from '../domain/suggestions/suggestion-form.ts';
import { detectLocale } from '../i18n/index.ts';
import { uploadReaderOf } from '../web/read-upload.server.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { invariantResponse } from '../web/invariant-response.ts';

async function loadPlan(context: Route.LoaderArgs['context'], slug: string) {
  const plan = await getPublicPlan(context.db, slug);
  invariantResponse(plan);
  const settings = {
    categoryIds: plan.categories.map((c) => c.id),
    sectionIds: plan.sections.map((s) => s.id),
    submitterTypes: plan.submitterTypes,
    bodyMinLength: plan.bodyMinLength,
    bodyMaxLength: plan.bodyMaxLength,
    allowAnonymous: plan.allowAnonymous,
  };
  return { plan, settings, window: consultationWindow(plan) };
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { plan, settings, window } = await loadPlan(context, params.slug);
  const section = Number(new URL(request.url).searchParams.get('section'));
  return {
    plan: { slug: plan.slug, title: plan.title, opensAt: plan.opensAt, closesAt: plan.closesAt },
    categories: plan.categories,
    sections: plan.sections.map(({ id, number, heading, level }) => ({ id, number, heading, level })),
    settings,
    window,
    // One key per form instance: every re-post of this page is the same suggestion.
    intakeKey: crypto.randomUUID(),
    preselectedSection: settings.sectionIds.includes(section) ? section : undefined,
    captcha: {
      siteKey: context.config.captcha.siteKey,
      scriptUrl: context.config.captcha.scriptUrl,
      disabled: context.config.captcha.disabled,
    },
  };
}

const formError = (key: string): SubmissionResult<string[]> => ({ status: 'error', error: { '': [key] } });

export async function action({ context, params, request }: Route.ActionArgs) {
  const { plan, settings, window } = await loadPlan(context, params.slug);
  // "查找相似建议" posts the same form here with ?similar: nothing is stored,
  // the form comes back with what was typed and up to five published suggestions.
  if (new URL(request.url).searchParams.has('similar')) {
    if (window !== 'open') return data({ reply: formError('suggest.closed') }, { status: 403 });
    return findSimilar(context, plan.id, request);
  }
  const result = await handleWebSubmission({
    db: context.db,
    config: context.config,
    plan: { id: plan.id, status: plan.status, opensAt: plan.opensAt, closesAt: plan.closesAt, settings },
    readForm: uploadReaderOf(request),
    clientIp: context.clientIp,
    locale: detectLocale(request),
  });
  switch (result.type) {
    case 'receipt':
      return redirect(`/receipt/${result.trackingCode}`, 303);
    case 'invalid':
      return data({ reply: result.reply }, { status: 400 });
    case 'closed':
      return data({ reply: formError('suggest.closed') }, { status: 403 });
    case 'rate_limited':
      throw data(
        { retryAfterSeconds: result.retryAfterSeconds },
        { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
      );
    case 'too_large':
      return data({ reply: formError('suggest.error.requestTooLarge') }, { status: 413 });
    case 'unreadable':
      return data({ reply: formError('suggest.error.unreadable') }, { status: 400 });
  }
}

async function findSimilar(context: Route.ActionArgs['context'], planId: number, request: Request) {
  const found = await lookUpSimilar(
    { db: context.db, clientIp: context.clientIp, submitPerHour: context.config.rateLimits.submitPerHour },
    planId,
    request,
  );
  switch (found.type) {
    case 'rate_limited':
      throw data(
        { retryAfterSeconds: found.retryAfterSeconds },
        { status: 429, headers: { 'Retry-After': String(found.retryAfterSeconds) } },
      );
    case 'too_large':
      return data({ reply: formError('suggest.error.requestTooLarge') }, { status: 413 });
    case 'unreadable':
      return data({ reply: formError('suggest.error.unreadable') }, { status: 400 });
    case 'found': {
      const reply: SubmissionResult<string[]> = { initialValue: found.typed as Record<string, string> };
      return { reply, similar: found.similar };
    }
  }
}

export function meta({ data: loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `提出意见建议 · ${loaderData.plan.title} · 建言` : '建言' }];
}

export default function SuggestPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, formatDate } = useTranslation();
  const { plan, settings, window } = loaderData;
  const schema = useMemo(() => suggestionFormSchema(settings), [settings]);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'suggestion-form',
    lastResult: actionData?.reply,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData, submitter }) =>
      parseWithZod(formData, {
        // The find-similar button: an unfinished form on purpose; the cast keeps the fields' types.
        // Not by `formnovalidate`: Conform validates a field on blur through a
        // button of its own that carries formnovalidate too, so that test
        // turned every blur check off.
        schema: submitter?.hasAttribute('data-find-similar')
          ? (unvalidatedFormSchema as unknown as typeof schema)
          : schema,
      }),
    defaultValue: { intakeKey: loaderData.intakeKey, sectionId: loaderData.preselectedSection },
  });
  const [count, setCount] = useState(() => characterCount(String(fields.body.initialValue ?? '')));
  const similarAsYouType = useSimilarAsYouType(plan.slug);
  const formProps = getFormProps(form);
  const errorText = useErrorText();
  const attachmentErrors = form.allErrors.attachments;
  const lengths = { min: settings.bodyMinLength, max: settings.bodyMaxLength };

  if (window !== 'open') {
    return (
      <section className="panel">
        <h1>{t('suggest.title')}</h1>
        <p className="notice">{t('suggest.closed')}</p>
        {plan.opensAt && plan.closesAt && (
          <p>{t('suggest.closedWindow', { opens: formatDate(plan.opensAt), closes: formatDate(plan.closesAt) })}</p>
        )}
        <p>
          <Link to={`/plans/${plan.slug}`}>{t('receipt.backToPlan')}</Link>
        </p>
      </section>
    );
  }

  const allErrors = [
    ...(form.errors ?? []),
    ...Object.entries(form.allErrors).flatMap(([name, errors]) => (name === form.id ? [] : errors)),
  ];
  return (
    <section className="panel">
      <h1>{t('suggest.title')}</h1>
      <p className="lead">
        {t('suggest.forPlan', { plan: '' })}
        <Link to={`/plans/${plan.slug}`}>{plan.title}</Link>
      </p>
      <p>{t('suggest.intro')}</p>

      {actionData?.reply && allErrors.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{t('suggest.errorSummary', { count: allErrors.length })}</p>
          <ul>
            {[...new Set(allErrors)].map((error) => (
              <li key={error}>{errorText(error, lengths)}</li>
            ))}
          </ul>
        </div>
      )}

      {actionData && 'similar' in actionData && actionData.similar && (
        <SimilarSuggestions slug={plan.slug} items={actionData.similar} />
      )}

      <Form
        {...formProps}
        method="post"
        encType="multipart/form-data"
        className="suggestion-form"
        onInput={similarAsYouType.onInput}
        onSubmit={(event) => {
          similarAsYouType.onSubmit();
          formProps.onSubmit(event);
        }}
      >
        <input {...getInputProps(fields.intakeKey, { type: 'hidden' })} key={fields.intakeKey.key} />

        <Field
          id={fields.categoryId.id}
          label={t('suggest.field.category')}
          required
          errors={fields.categoryId.errors}
          errorId={fields.categoryId.errorId}
        >
          <select {...getSelectProps(fields.categoryId)} key={fields.categoryId.key}>
            <option value="">{t('suggest.field.categoryPlaceholder')}</option>
            {loaderData.categories.map((category) => (
              <option key={category.id} value={category.id}>
                {locale === 'en' && category.nameEn ? category.nameEn : category.name}
              </option>
            ))}
          </select>
        </Field>

        <Field
          id={fields.sectionId.id}
          label={t('suggest.field.section')}
          errors={fields.sectionId.errors}
          errorId={fields.sectionId.errorId}
        >
          <select {...getSelectProps(fields.sectionId)} key={fields.sectionId.key}>
            <option value="">{t('suggest.field.sectionWhole')}</option>
            {loaderData.sections.map((section) => (
              <option key={section.id} value={section.id}>
                {/* Options cannot be styled: full-width spaces show the outline's depth. */}
                {'\u3000'.repeat(section.level - 1)}
                {section.number} {section.heading}
              </option>
            ))}
          </select>
        </Field>

        <Field
          id={fields.title.id}
          label={t('suggest.field.title')}
          required
          hint={t('suggest.field.titleHint')}
          hintId={fields.title.descriptionId}
          errors={fields.title.errors}
          errorId={fields.title.errorId}
        >
          <input
            {...getInputProps(fields.title, { type: 'text', ariaDescribedBy: fields.title.descriptionId })}
            key={fields.title.key}
            autoComplete="off"
          />
        </Field>

        <Field
          id={fields.body.id}
          label={t('suggest.field.body')}
          required
          hint={t('suggest.field.bodyHint', lengths)}
          hintId={fields.body.descriptionId}
          errors={fields.body.errors}
          errorId={fields.body.errorId}
          errorParams={lengths}
        >
          <textarea
            {...getTextareaProps(fields.body, {
              ariaDescribedBy: `${fields.body.descriptionId} ${fields.body.id}-counter`,
            })}
            key={fields.body.key}
            rows={10}
            onInput={(event) => setCount(characterCount(event.currentTarget.value))}
          />
          <p
            id={`${fields.body.id}-counter`}
            className={count > settings.bodyMaxLength ? 'counter counter--over' : 'counter'}
            aria-live="polite"
          >
            {t('suggest.field.counter', { count, max: settings.bodyMaxLength })}
          </p>
        </Field>

        <div className="field">
          <p className="field__hint" id="find-similar-hint">
            {t('similar.findHint')}
          </p>
          <button
            type="submit"
            className="button button--secondary"
            formAction="?similar"
            formNoValidate
            data-find-similar
            aria-describedby="find-similar-hint"
            disabled={navigation.state === 'submitting'}
          >
            {t('similar.find')}
          </button>
          {/* The button's answer, when asked for, is shown above the form: not twice. */}
          {!(actionData && 'similar' in actionData) && (
            <SimilarAsYouType slug={plan.slug} items={similarAsYouType.items} />
          )}
        </div>

        <fieldset
          className={fields.submitterType.errors ? 'field field--invalid' : 'field'}
          aria-describedby={fields.submitterType.errorId}
        >
          <legend className="field__label">
            {t('suggest.field.submitterType')} <span aria-hidden="true">*</span>
            <span className="visually-hidden">{t('suggest.required')}</span>
          </legend>
          <div className="choices">
            {settings.submitterTypes.map((type) => (
              <label key={type} className="choice">
                <input
                  type="radio"
                  name={fields.submitterType.name}
                  value={type}
                  defaultChecked={fields.submitterType.initialValue === type}
                />
                {type}
              </label>
            ))}
          </div>
          <div id={fields.submitterType.errorId} className="field__errors" aria-live="polite">
            {fields.submitterType.errors?.map((error) => (
              <p key={error} className="field__error">
                {errorText(error)}
              </p>
            ))}
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('suggest.field.contactLegend')}</legend>
          <p className="field__hint">
            {settings.allowAnonymous ? t('suggest.field.contactHintAnonymous') : t('suggest.field.contactHint')}
          </p>
          <div className="grid-2">
            <Field
              id={fields.name.id}
              label={t('suggest.field.name')}
              errors={fields.name.errors}
              errorId={fields.name.errorId}
            >
              <input {...getInputProps(fields.name, { type: 'text' })} key={fields.name.key} autoComplete="name" />
            </Field>
            <Field
              id={fields.unit.id}
              label={t('suggest.field.unit')}
              errors={fields.unit.errors}
              errorId={fields.unit.errorId}
            >
              <input
                {...getInputProps(fields.unit, { type: 'text' })}
                key={fields.unit.key}
                autoComplete="organization"
              />
            </Field>
            <Field
              id={fields.phone.id}
              label={t('suggest.field.phone')}
              errors={fields.phone.errors}
              errorId={fields.phone.errorId}
            >
              <input
                {...getInputProps(fields.phone, { type: 'tel' })}
                key={fields.phone.key}
                autoComplete="tel"
                inputMode="tel"
              />
            </Field>
            <Field
              id={fields.email.id}
              label={t('suggest.field.email')}
              errors={fields.email.errors}
              errorId={fields.email.errorId}
            >
              <input {...getInputProps(fields.email, { type: 'email' })} key={fields.email.key} autoComplete="email" />
            </Field>
          </div>
        </fieldset>

        <PublicationChoice
          name={fields.publication.name}
          initialValue={fields.publication.initialValue as string | undefined}
          errors={fields.publication.errors}
          errorId={fields.publication.errorId}
          errorText={errorText}
        />

        <Field
          id="attachments"
          label={t('suggest.field.attachments')}
          hint={t('suggest.field.attachmentsHint')}
          hintId="attachments-hint"
          errors={attachmentErrors}
          errorId="attachments-error"
        >
          <input
            id="attachments"
            name="attachments"
            type="file"
            multiple
            accept=".docx,.doc,.pdf,.wps,.txt,.jpg,.jpeg,.png"
            aria-describedby="attachments-hint attachments-error"
            aria-invalid={attachmentErrors ? true : undefined}
          />
        </Field>

        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website">{t('suggest.field.honeypot')}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>

        <div className={fields.consent.errors ? 'field field--invalid' : 'field'}>
          <label className="choice">
            <input {...getInputProps(fields.consent, { type: 'checkbox' })} key={fields.consent.key} />
            {t('suggest.field.consent')}
          </label>
          <p className="field__hint">
            <a href="/privacy" target="_blank" rel="noopener">
              {t('suggest.field.privacyLink')}
            </a>
          </p>
          <div id={fields.consent.errorId} className="field__errors" aria-live="polite">
            {fields.consent.errors?.map((error) => (
              <p key={error} className="field__error">
                {errorText(error)}
              </p>
            ))}
          </div>
        </div>

        {!loaderData.captcha.disabled && (
          <CaptchaWidget
            siteKey={loaderData.captcha.siteKey}
            scriptUrl={loaderData.captcha.scriptUrl}
            locale={locale}
            note={t('suggest.captchaNote')}
          />
        )}

        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {t('suggest.submit')}
        </button>
      </Form>
    </section>
  );
}
