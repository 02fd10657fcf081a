import { useTranslation } from '../i18n/use-translation.ts';

export function meta() {
  return [{ title: '个人信息保护说明 · 建言' }];
}

// The notice the form asks people to accept. Kept in plain language and in
// step with what the code does (app/domain/contacts).
export default function PrivacyPage() {
  const { t, locale } = useTranslation();
  return (
    <article className="panel prose-page">
      <h1>{t('privacy.title')}</h1>
      {locale === 'en' ? <English /> : <Chinese />}
    </article>
  );
}

function Chinese() {
  return (
    <>
      <h2>我们收集哪些信息</h2>
      <p>
        您提交意见建议时填写的姓名、工作单位或班级、电话和电子邮箱（统称“联系方式”），以及您的身份类别。通过电子邮件提交时，还包括发件地址。
      </p>
      <h2>为什么收集</h2>
      <p>仅用于：就您的意见建议与您联系、核实情况，向您发送跟踪编号和办理答复。我们不会将联系方式用于其他目的。</p>
      <h2>谁能看到</h2>
      <ul>
        <li>
          联系方式与意见内容分开保存。除您选择“署名公开”时在采纳情况公示中显示的姓名外，任何公开页面、公开报告和导出文件（除非经特别授权）都不会显示您的姓名或联系方式。
        </li>
        <li>
          只有经管理员单独授权的工作人员才能查看联系方式，且每次查看都需要说明理由，并记录在不可修改的审计日志中。
        </li>
        <li>
          是否公开由您单独选择：“署名公开”“匿名公开”或“不公开”（默认不公开；通过电子邮件、来信、来电等方式提出的意见建议也默认不公开）。公示中只显示工作人员整理的意见摘要和答复，从不显示原文、单位或联系方式；“署名公开”时另显示姓名，“匿名公开”时至多显示身份类别（如“在校学生”）。工作人员只有在您另行表示同意并记录在案后，才能更改公开方式。
        </li>
      </ul>
      <h2>保存多久</h2>
      <p>
        联系方式和原始来信加密保存，保存期限由每次征集设定，默认为征集截止后 180
        天；期满后自动删除，意见内容、处理结果和统计数字保留，不再与您的身份关联。
      </p>
      <h2>您的权利</h2>
      <p>
        您可以通过发布单位公布的联系方式，要求查阅、更正或删除您的个人信息，或撤回同意。撤回同意不影响撤回前基于同意已进行的处理。
      </p>
    </>
  );
}

function English() {
  return (
    <>
      <h2>What we collect</h2>
      <p>
        The name, work unit or class, phone number and email address you give with a suggestion (your “contact
        details”), and which group you belong to. For suggestions sent by email, also the sender’s address.
      </p>
      <h2>Why</h2>
      <p>
        Only to contact you about your suggestion, to check facts, and to send you your tracking code and the answer. We
        use your contact details for nothing else.
      </p>
      <h2>Who sees them</h2>
      <ul>
        <li>
          Contact details are stored apart from suggestions. Apart from your name in the public report when you chose to
          be named, no public page, public report or export (unless specially authorised) shows your name or contact
          details.
        </li>
        <li>
          Only staff whom an administrator has specifically authorised can see contact details; each view needs a reason
          and is recorded in an audit log that cannot be altered.
        </li>
        <li>
          Publication is your separate choice: with your name, anonymously, or not at all (the default, also for
          suggestions sent by email, letter or phone). The public report shows a summary written by staff and the reply,
          never your own text, unit or contact details; your name only if you chose to be named, otherwise at most your
          group (such as “student”). Staff change the choice only with your further consent, which they record.
        </li>
      </ul>
      <h2>How long</h2>
      <p>
        Contact details and original mail are stored encrypted, for a period set for each consultation (by default 180
        days after it closes); then they are deleted automatically. The suggestion, its outcome and the counts stay, no
        longer linked to you.
      </p>
      <h2>Your rights</h2>
      <p>
        Through the contact address of the organising body you can ask to see, correct or delete your personal
        information, or withdraw your consent. Withdrawing consent does not affect processing done before.
      </p>
    </>
  );
}
