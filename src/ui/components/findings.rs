//! Findings in plain words, each with its rule, the rule's sources and confidence mark
//! behind "Bron en zekerheid" (used by the explainer and by Oefenen's reveal).

use yew::prelude::*;

use crate::domain::rules::Rule;
use crate::domain::Finding;
use crate::ui::i18n::Lang;
use crate::ui::rule_texts::{self, RuleTexts};

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub findings: Vec<Finding>,
    pub lang: Lang,
}

/// A finding's sentence in the reader's language; the Dutch, marked so, while the English
/// is on its way (the start build fetches it).
pub fn finding_text(finding: &Finding, lang: Lang) -> Html {
    let (text, in_lang) = rule_texts::finding_text(finding, lang);
    html! { <span lang={(!in_lang).then_some("nl")}>{ text }</span> }
}

/// Findings in plain words, each with its rule, the rule's sources and confidence mark.
#[function_component(Findings)]
pub fn findings(props: &FindingsProps) -> Html {
    let update = use_force_update();
    // Re-rendered when the rules' texts arrive (the start build fetches them on first use).
    let _subscription = use_memo((), move |_| {
        rule_texts::subscribe(std::rc::Rc::new(move || update.force_update()))
    });
    // English findings need their sentences as soon as they show.
    let list = use_node_ref();
    {
        let list = list.clone();
        use_effect_with(props.lang, move |lang| {
            if let (Lang::En, Some(list)) = (lang, list.cast::<web_sys::Element>()) {
                rule_texts::request(&list);
            }
        });
    }
    if props.findings.is_empty() {
        return html! {};
    }
    let texts = rule_texts::current();
    let lang = props.lang;
    // Opening a finding is what needs the texts: ask for them then.
    let ontoggle = Callback::from(|e: Event| {
        if let Some(details) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
            if details.open() {
                rule_texts::request(&details);
            }
        }
    });
    html! {
        <ul class="rw-findings" ref={list}>
            { for props.findings.iter().map(|f| {
                let rule = match texts {
                    RuleTexts::Ready(rules) => rules.get(&f.rule),
                    RuleTexts::Loading | RuleTexts::Failed(_) => None,
                };
                html! {
                    <li class="rw-finding" data-code={f.code.as_str()}>
                        <p>{ finding_text(f, lang) }</p>
                        <details ontoggle={ontoggle.clone()}>
                            <summary>{ lang.t("Bron en zekerheid", "Source and certainty") }</summary>
                            <p class="rw-rule-id">{ format!("{} {}", lang.t("Regel", "Rule"), f.rule) }</p>
                            { rule_details(texts, rule, lang) }
                        </details>
                    </li>
                }
            }) }
        </ul>
    }
}

/// The rule's text, confidence and sources; or why they are not (yet) there.
fn rule_details(texts: RuleTexts, rule: Option<&Rule>, lang: Lang) -> Html {
    match (texts, rule) {
        (RuleTexts::Ready(rules), Some(rule)) => rule_texts::details(rules, rule, lang),
        (RuleTexts::Ready(_), None) => html! {
            <p class="rw-muted">{ lang.t("Deze regel staat niet in het regeloverzicht.", "This rule is not in the rule list.") }</p>
        },
        (RuleTexts::Failed(reason), _) => html! {
            <p class="rw-muted" role="status">{ format!("{} ({reason})", lang.t(
                "De toelichting en bronnen van de regels konden niet laden. Herlaad de pagina om het opnieuw te proberen",
                "The rules' explanations and sources could not load. Reload the page to try again")) }</p>
        },
        (RuleTexts::Loading, _) => html! {
            <p class="rw-muted" role="status">{ lang.t("Toelichting en bronnen worden geladen…", "Loading the explanation and sources…") }</p>
        },
    }
}
