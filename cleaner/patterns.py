"""The news-cruft lexicon, as data: ``(rule name, category, kind, regex)`` per language.

``kind`` is ``line`` (the regex must match the whole stripped line of a short line), ``phrase``
(the regex may match anywhere in any line, so it must never occur in article prose) or ``hint``
(matched anywhere, but only in lines shorter than ``CleanConfig.hint_max_words``).
Regexes are matched case-insensitively. Language ``any`` applies to every document; the other
keys are ISO 639-1 codes. ``cleaner.rules`` compiles one combined regex per kind and language.
"""

# ruff: noqa: RUF001 (typographic quotes and dashes are the data here)

from __future__ import annotations

Pattern = tuple[str, str, str, str]

# Photo and video credits that end a caption line: "Sergey Lavrov IANS", "... (right)".
CREDIT_SUFFIX = (
    r"(?:\b(?:IANS|AP|AFP|Reuters|EPA|PA|ANI|PTI|dpa|Xinhua|Getty|Getty Images|Shutterstock"
    r"|iStock|Alamy|Bloomberg|REX|Photo|Foto|Image|Picture|Credit|Courtesy|via)\b[^.!?]{0,40}"
    r"|\((?:right|left|center|centre|top|bottom|L|R|C|file)\)[^.!?]{0,80})$"
)

ANY: tuple[Pattern, ...] = (
    (
        "photo-caption",
        "caption",
        "phrase",
        r"(?:\bin this (?:[\w.,]+ ){0,6}(?:file )?(?:photo|image|picture)\b|\(ap photo\b"
        r"|\b(?:photo|image) (?:provided|released|made available) by\b"
        r"|, (?:left|right|center|centre|second (?:left|right)|from left), )",
    ),
    (
        "cookie-notice-any",
        "legal",
        "phrase",
        r"(?:utilizziamo i cookie|usamos cookies"
        r"|utilizamos cookies|nous utilisons des cookies|wir verwenden cookies)",
    ),
    (
        "share-bar",
        "social",
        "line",
        r"(?:share|tweet|email|e-mail|print|pin|whatsapp|facebook"
        r"|twitter|linkedin|reddit|flipboard|messenger|copy link|pinterest|telegram|sms)"
        r"(?:\s*(?:[|/·•,]\s*)?(?:share|tweet|email|e-mail|print|pin|whatsapp|facebook|twitter"
        r"|linkedin|reddit|flipboard|messenger|copy link|pinterest|telegram|sms))*",
    ),
    ("copyright-sign", "legal", "phrase", r"(?:©|\(c\)\s*(?:19|20)\d\d|copyright\s*(?:©|\d{4}))"),
    ("photo-count", "widget", "line", r"\d+\s*(?:photos?|images?|pictures?|videos?|fotos?|bilder)"),
    ("counter", "widget", "line", r"[\d.,%:/\s]+\w{0,12}"),
    ("separator", "widget", "line", r"[\W_]+"),
    ("wordpress-likes", "social", "phrase", r"%d bloggers like this"),
)

EN: tuple[Pattern, ...] = (
    # nav
    (
        "accessibility-links",
        "nav",
        "line",
        r"(?:accessibility links|skip to (?:main )?content"
        r"|skip to navigation|jump to (?:main )?content|main menu|menu|navigation|search"
        r"|open menu|close menu|toggle navigation|sections|home|back to top|go to top|about us"
        r"|contact us|contact)",
    ),
    ("breadcrumb", "nav", "line", r"home\s*[/>»›|].*"),
    ("breaking-news-label", "nav", "line", r"breaking news|live|trending|latest news|top stories"),
    (
        "language-switch",
        "nav",
        "line",
        r"(?:leer en español|read in english|en español"
        r"|in english|auf deutsch|en français)",
    ),
    (
        "account-link",
        "promo",
        "line",
        r"(?:sign in|sign up|log in|login|log out|register"
        r"|my account|subscribe|subscribe now|create (?:an )?account|manage account)",
    ),
    ("weather-link", "nav", "line", r"[\w ]{0,20}weather(?: forecast)?"),
    # byline
    (
        "by-author",
        "byline",
        "line",
        r"by\s+(?-i:[A-Z])[\w.'’-]+(?:\s+[\w.'’-]+){0,5}"
        r"(?:\s*(?:,|and|&)\s*[\w.'’ -]+){0,3}(?<![.!?])",
    ),
    ("reporting-credit", "byline", "line", r"(?:with )?(?:additional )?reporting by .{2,80}"),
    (
        "author-role",
        "byline",
        "line",
        r"(?:[\w-]+\s){0,3}(?:editor|correspondent|reporter"
        r"|writer|columnist|contributor|staff writer|journalist)(?:,? [\w ]{0,30})?",
    ),
    ("about-author", "byline", "line", r"about (?:the author|(?!us\b)\S+)"),
    (
        "updated-stamp",
        "byline",
        "line",
        r"(?=.*\d)(?:published|updated|posted|last updated|first "
        r"published)\b.{0,60}",
    ),
    # caption
    (
        "credit-prefix",
        "caption",
        "hint",
        r"(?:\bpic:|\bphoto:|\bimage:|\bcredit:|\bphotograph:"
        r"|\bimage credit:|\bphoto credit)",
    ),
    # teaser
    (
        "related-header",
        "teaser",
        "line",
        r"(?:(?:check also|related(?: stories| articles| topics| links"
        r"| posts| news| content| coverage)?|read more|read next|more from [\w ]+|you may also like"
        r"|you might also like|recommended(?: for you| stories)?|more stories|more news"
        r"|(?:most|more) (?:recent|read|popular|viewed|shared)(?: [\w ]{0,30})?"
        r"|latest(?: [\w ]{0,20})? (?:stories|news|articles|videos)|trending now|don'?t miss"
        r"|editor'?s picks|top stories|what to read next|also read|see also|further reading"
        r"|more (?:in|from|on) .{1,40}|popular (?:stories|articles|now)|from around the web"
        r"|sponsored(?: content)?"
        r"|more on this(?: story)?|up next|watch next|more videos|promoted stories|more coverage"
        r")\s*:?)",
    ),
    (
        "read-more-prompt",
        "teaser",
        "phrase",
        r"^(?:read more|related|see also|also read|"
        r"read also|more)\s*[:»>]",
    ),
    # promo
    (
        "newsletter-prompt",
        "promo",
        "hint",
        r"(?:sign up for (?:our|the)\b|subscribe to (?:our|the)"
        r"|newsletter|delivered to your inbox|in your inbox|get (?:our|the) (?:free )?"
        r"(?:daily|weekly|morning|evening)|unlimited (?:digital )?access|subscribers? only"
        r"|already a subscriber|by subscribing|start your (?:free )?trial|thank you for registering"
        r"|please refresh the page|to be (?:automatically )?logged in"
        r"|support (?:truly )?independent"
        r"|every contribution|support us\b|independent journalism|fact-based reporting"
        r"|make a (?:donation|contribution)|donate now|become a (?:member|subscriber|patron)"
        r"|journalism without an agenda|disable (?:your )?ad ?blocker|whitelist us"
        r"|enable javascript|your browser (?:does not|doesn't) support|terms of (?:use|service)"
        r"|privacy policy|cookie policy|we use cookies|accept cookies|advertisement"
        r"|follow us on|download (?:our|the) app|got a (?:news )?tip)",
    ),
    ("support-header", "promo", "line", r"support (?:us|truly|our journalism)"),
    (
        "ad-label",
        "promo",
        "line",
        r"(?:advertisement|advertising|sponsored|ad|ads|story continues"
        r"(?: below)?(?: advertisement)?|continue reading(?: below)?|paid content|partner content)",
    ),
    # legal
    (
        "cookie-notice",
        "legal",
        "phrase",
        r"(?:(?:website|site|we) uses? cookies|use of cookies"
        r"|cookie (?:settings|policy|preferences|consent)|necessary cookies|these cookies"
        r"|accept (?:all )?cookies|opt-out of these cookies)",
    ),
    (
        "site-notice",
        "legal",
        "phrase",
        r"(?:processing of (?:my|your) personal (?:data|information)|you (?:agree|acknowledge|"
        r"consent) to (?:the|our)|by (?:clicking|continuing to use|using this (?:site|website))"
        r"|(?:delete|restore) your account|community (?:standards|guidelines)"
        r"|customer service center|updated our privacy policy)",
    ),
    (
        "rights-reserved",
        "legal",
        "phrase",
        r"all rights reserved|may not be (?:published|"
        r"reproduced|redistributed)|archived news story|for your personal, non-commercial use",
    ),
    # comments / social
    (
        "comments-prompt",
        "comments",
        "hint",
        r"(?:leave a (?:reply|comment)|post a comment"
        r"|join (?:our|the) (?:commenting forum|conversation|discussion)|comments? (?:are|have "
        r"been) closed|\d+ comments?$|^comments?$|show comments|view comments|add a comment"
        r"|follow other .{0,40} readers|community guidelines|be the first to comment)",
    ),
    (
        "share-prompt",
        "social",
        "line",
        r"(?:share (?:this|on|via)[\w ]*:?|share article"
        r"|follow us|like us on facebook|share|tweet|click to (?:share|email|print|tweet).*"
        r"|email this)",
    ),
    (
        "comment-header",
        "comments",
        "line",
        r"(?:[\w.@ -]{1,40} says:|.{1,60} (?:on|at) .{0,30}"
        r"\d{4}.{0,25} (?:said|says|wrote):?|\d+ (?:responses?|comments?|replies|reactions?) "
        r"(?:to|on) .*|rating: \d+ votes?|load more comments|show more comments"
        r"|view all comments)",
    ),
    (
        "comment-widget",
        "comments",
        "line",
        r"(?:\d+ comments?|reply|report|flag|like|dislike|permalink"
        r"|report abuse|newest|oldest|sort by \w+)",
    ),
    (
        "time-ago",
        "widget",
        "line",
        r"(?:about )?\d+ ?(?:seconds?|minutes?|mins?|m|hours?|hrs?|h|days?|d"
        r"|weeks?|months?|years?) ago(?: at .{0,20})?",
    ),
    # widget
    (
        "reading-time",
        "widget",
        "hint",
        r"(?:estimated read(?:ing)? time|\d+\s*min(?:ute)?s?"
        r" read$|^reading time)",
    ),
    (
        "save-story",
        "widget",
        "line",
        r"(?:save|save story|save article|bookmark|listen"
        r"|listen to (?:this )?(?:article|story)|play video|watch|gallery|view gallery"
        r"|enlarge this image|toggle caption|hide caption|show caption|expand|close"
        r"|font size|text size|print this (?:article|page))",
    ),
    ("media-duration", "widget", "line", r"(?:video|audio|watch)?\s*\d{1,2}:\d\d(?:\s*min)?"),
    # marker
    (
        "more-follows",
        "marker",
        "line",
        r"(?:more follows|more to follow|developing story|this "
        r"(?:is a )?(?:story|article) (?:is )?(?:developing|will be updated).*|updates? to follow"
        r"|-+\s*end\s*-+|ends)[.…]*",
    ),
)

DE: tuple[Pattern, ...] = (
    (
        "accessibility-links-de",
        "nav",
        "line",
        r"(?:zum inhalt springen|hauptmenü|navigation"
        r"|suche|startseite|menü|direkt zum inhalt)",
    ),
    (
        "account-link-de",
        "promo",
        "line",
        r"(?:anmelden|abmelden|registrieren|abonnieren|jetzt "
        r"abonnieren|mein konto|einloggen)",
    ),
    (
        "newsletter-prompt-de",
        "promo",
        "hint",
        r"(?:newsletter|jetzt abonnieren|abo abschließen"
        r"|melden sie sich an|unterstützen sie|werbung|anzeige$)",
    ),
    ("by-author-de", "byline", "line", r"von\s+[A-ZÄÖÜ][\w.'’-]+(?:\s+[\w.'’-]+){0,4}"),
    ("updated-stamp-de", "byline", "line", r"(?:veröffentlicht|aktualisiert|stand)\b.{0,60}"),
    (
        "related-header-de",
        "teaser",
        "line",
        r"(?:mehr zum thema|das könnte sie auch "
        r"interessieren|weitere artikel|meistgelesen|lesen sie auch|auch interessant|mehr aus"
        r"(?: [\w ]+)?|empfohlen|top-artikel)",
    ),
    ("rights-reserved-de", "legal", "phrase", r"alle rechte vorbehalten"),
    (
        "comments-prompt-de",
        "comments",
        "hint",
        r"(?:kommentar schreiben|kommentare$"
        r"|diskutieren sie mit|\d+ kommentare?$)",
    ),
    (
        "share-prompt-de",
        "social",
        "line",
        r"(?:teilen|artikel teilen|drucken|versenden"
        r"|auf facebook teilen)",
    ),
    ("reading-time-de", "widget", "hint", r"(?:lesezeit|\d+\s*min\.? lesezeit)"),
    ("credit-prefix-de", "caption", "hint", r"(?:\bfoto:|\bbild:|\bquelle:)"),
)

ES: tuple[Pattern, ...] = (
    (
        "accessibility-links-es",
        "nav",
        "line",
        r"(?:ir al contenido|menú|buscar|inicio|portada"
        r"|secciones)",
    ),
    (
        "account-link-es",
        "promo",
        "line",
        r"(?:iniciar sesión|suscríbete|suscribirse|regístrate"
        r"|registrarse|mi cuenta|entrar|acceder)",
    ),
    (
        "newsletter-prompt-es",
        "promo",
        "hint",
        r"(?:newsletter|boletín|suscríbete|recibe "
        r"(?:las|nuestras) noticias|publicidad$|apoya (?:el|nuestro) periodismo)",
    ),
    ("by-author-es", "byline", "line", r"por\s+[A-ZÁÉÍÓÚÑ][\w.'’-]+(?:\s+[\w.'’-]+){0,4}"),
    ("updated-stamp-es", "byline", "line", r"(?:publicado|actualizado)\b.{0,60}"),
    (
        "related-header-es",
        "teaser",
        "line",
        r"(?:noticias relacionadas|te puede interesar"
        r"|lo más leído|más leídas?|también te puede interesar|lee también|más noticias"
        r"|relacionad[oa]s)",
    ),
    ("rights-reserved-es", "legal", "phrase", r"todos los derechos reservados"),
    (
        "comments-prompt-es",
        "comments",
        "hint",
        r"(?:deja (?:un|tu) comentario|comentarios$"
        r"|\d+ comentarios?$)",
    ),
    ("share-prompt-es", "social", "line", r"(?:compartir|comparte|imprimir|enviar)"),
    ("reading-time-es", "widget", "hint", r"(?:tiempo de lectura|\d+\s*min(?:utos)? de lectura)"),
    ("credit-prefix-es", "caption", "hint", r"(?:\bfoto:|\bimagen:|\bcrédito:)"),
)

FR: tuple[Pattern, ...] = (
    (
        "accessibility-links-fr",
        "nav",
        "line",
        r"(?:aller au contenu|menu|rechercher|accueil"
        r"|rubriques)",
    ),
    (
        "account-link-fr",
        "promo",
        "line",
        r"(?:se connecter|connexion|s'abonner|abonnez-vous"
        r"|s'inscrire|mon compte)",
    ),
    (
        "newsletter-prompt-fr",
        "promo",
        "hint",
        r"(?:newsletter|lettre d'information"
        r"|abonnez-vous|publicité$|soutenez)",
    ),
    ("by-author-fr", "byline", "line", r"par\s+[A-ZÉÈ][\w.'’-]+(?:\s+[\w.'’-]+){0,4}"),
    ("updated-stamp-fr", "byline", "line", r"(?:publié|mis à jour)\b.{0,60}"),
    (
        "related-header-fr",
        "teaser",
        "line",
        r"(?:à lire aussi|lire aussi|sur le même sujet"
        r"|les plus lus|articles liés|voir aussi)",
    ),
    ("rights-reserved-fr", "legal", "phrase", r"tous droits réservés"),
    (
        "comments-prompt-fr",
        "comments",
        "hint",
        r"(?:laisser un commentaire|commentaires$"
        r"|réagir)",
    ),
    ("share-prompt-fr", "social", "line", r"(?:partager|imprimer|envoyer)"),
    ("reading-time-fr", "widget", "hint", r"temps de lecture"),
    ("credit-prefix-fr", "caption", "hint", r"(?:\bphoto\s?:|\bcrédit\s?:)"),
)

LEXICON: dict[str, tuple[Pattern, ...]] = {"any": ANY, "en": EN, "de": DE, "es": ES, "fr": FR}
"""Cruft patterns per language; ``any`` is added to every language's own list."""

ROLE_WORDS = frozenset(
    [
        "editor",
        "correspondent",
        "reporter",
        "writer",
        "columnist",
        "contributor",
        "journalist",
        "redakteur",
        "redakteurin",
        "korrespondent",
        "korrespondentin",
        "periodista",
        "corresponsal",
        "redactor",
        "redactora",
        "journaliste",
        "rédacteur",
        "rédactrice",
    ]
)
"""Job titles that make a short line a byline role ("Deputy Political Editor")."""
