"""Word lists for the farm page generator.

Everything here was written for this project: site-name parts, unrelated
categories, block headings, widget wording and fake bylines in several
languages.  Families draw from these lists through ``common``.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Site names (unrelated businesses that host farmed articles)
# ---------------------------------------------------------------------------

NAME_ADJ = [
    "Golden", "Silver", "Blue", "Prime", "Smart", "Royal", "Green", "Sunrise",
    "Pacific", "Eagle", "Summit", "Bright", "Urban", "Noble", "Lucky", "Apex",
    "Crystal", "Maple", "Cedar", "Harbor", "Liberty", "Evergreen", "Star",
    "Victory", "Pioneer", "Metro", "Coastal", "Horizon", "Rapid", "True",
    "Grand", "Zen", "Alpha", "Nova", "Infinity", "Diamond", "Sapphire",
]

NAME_NOUN = [
    "Oak", "Lotus", "Peak", "River", "Stone", "Bridge", "Field", "Wave",
    "Pine", "Lake", "Crown", "Falcon", "Tiger", "Orchid", "Valley", "Hill",
    "Point", "Gate", "Bay", "Ridge", "Spring", "Vista", "Rock", "Meadow",
    "Compass", "Anchor", "Beacon", "Harvest", "Willow", "Phoenix",
]

BUSINESS = [
    "Wealth Academy", "Dental Clinic", "Crypto Academy", "Forex Institute",
    "Law Group", "Beauty Salon", "Pet Care", "Roofing Co.", "Solar Energy",
    "Yoga Studio", "Auto Parts", "Furniture", "Plumbing Services",
    "Trading School", "Insurance Agency", "Realty", "Tea House",
    "Wedding Studio", "Fitness Club", "Moving Company", "Hair Transplant Center",
    "Bitcoin Course", "Coaching Hub", "Travel Agency", "Cleaning Services",
    "Orthodontics", "Steel Pipe Co.", "Valve Manufacturing", "Garden Supply",
    "Immigration Consultants", "Car Rental", "Language School", "Print Shop",
]

TAGLINES = [
    "Your trusted partner since {year}",
    "Quality service, honest prices",
    "Learn, earn and grow with us",
    "Smile brighter every day",
    "Professional team, professional results",
    "Financial freedom starts here",
    "Serving the community since {year}",
    "Read the world, keep a calm heart",
    "Better choices for a better life",
    "The smart way to invest in yourself",
]

# a brand word for desk-style bylines ("<Brand> View", "<Brand> Desk")
BYLINE_SUFFIX = ["View", "Desk", "News Team", "Editor", "Newsroom", "Insider", "Daily", "Staff"]

GENERIC_BYLINES = [
    "admin", "Admin", "Editor", "editor", "editor01", "Editorial Team",
    "Staff Writer", "News Desk", "Web Desk", "Newsroom", "Staff Reporter",
    "Content Team", "webmaster", "Guest Author",
]

FIRST_NAMES = [
    "James", "Maria", "David", "Sarah", "Michael", "Anna", "Robert", "Laura",
    "Daniel", "Emily", "Thomas", "Sofia", "Peter", "Julia", "Mark", "Elena",
    "Kevin", "Grace", "Paul", "Nadia", "Chris", "Hannah", "Omar", "Lucy",
    "Tomás", "Ingrid", "Kenji", "Mei", "Andrew", "Rachel", "Samuel", "Fatima",
]

LAST_NAMES = [
    "Miller", "Garcia", "Nguyen", "Schmidt", "Rossi", "Kowalski", "Johnson",
    "Tanaka", "Lopez", "Brown", "Okafor", "Dubois", "Petrov", "Silva",
    "Kim", "Andersen", "Walsh", "Moreau", "Fischer", "Chen", "Patel",
    "Hughes", "Bianchi", "Novak", "Larsen", "Ortiz", "Keller", "Murphy",
]

ZH_SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱"]
ZH_GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "杰", "军", "勇", "霞", "平", "涛", "明"]

ZH_NAME_PREFIX = ["金", "华", "鑫", "盛", "博", "泰", "联", "汇", "瑞", "恒", "宏", "佳", "天", "新", "东方", "中科"]
ZH_NAME_MID = ["源", "达", "信", "诚", "丰", "晟", "安", "润", "启", "航", "盈", "通"]
ZH_BUSINESS = [
    "财富学院", "口腔门诊", "装饰工程有限公司", "机械设备有限公司", "教育培训中心",
    "生物科技有限公司", "建材有限公司", "网络科技有限公司", "投资咨询", "美容医院",
    "物流有限公司", "茶业", "家政服务", "汽车配件", "阀门厂", "留学中介", "外汇学堂",
]
ZH_CITIES = ["深圳", "上海", "广州", "杭州", "苏州", "成都", "武汉", "东莞", "佛山", "济南", "郑州", "南京"]
ZH_PROVINCE_ICP = ["粤", "沪", "京", "浙", "苏", "川", "鄂", "鲁", "豫", "闽", "湘"]

# ---------------------------------------------------------------------------
# Categories that have nothing to do with the copied story
# ---------------------------------------------------------------------------

CATEGORIES = {
    "en": ["Scams", "Wealth Tips", "Industry News", "Company News", "Dental Care",
           "Investment", "Health", "Real Estate", "FAQ", "Knowledge", "Case Studies",
           "Crypto Basics", "Home Improvement", "Pet Tips", "Beauty", "Travel Guide",
           "Insurance", "Education", "Product News", "Technical Support"],
    "zh": ["行业资讯", "公司新闻", "常见问题", "技术支持", "产品知识", "养生保健", "财经",
           "育儿知识", "装修百科", "案例展示", "新闻中心", "投资理财", "汽车资讯", "美容护肤"],
    "de": ["Ratgeber", "Finanzen", "Gesundheit", "Firmennews", "Wissen", "Immobilien", "Reisen"],
    "es": ["Consejos", "Finanzas", "Salud", "Noticias de la empresa", "Inmobiliaria", "Viajes"],
    "fr": ["Conseils", "Finance", "Santé", "Actualités", "Immobilier", "Voyage", "Bien-être"],
    "ja": ["お知らせ", "投資", "健康", "美容", "よくある質問", "コラム", "不動産"],
}

# ---------------------------------------------------------------------------
# Chrome wording per language
# ---------------------------------------------------------------------------

CHROME = {
    "en": {
        "home": ["Home", "HOME", "Homepage"],
        "crumb": ["Current position:", "Current:", "Location:", "You are here:", "Position:"],
        "posted": ["Post:", "Posted:", "Published:", "Date:", "Time:"],
        "source": ["Source:", "From:"],
        "collected": ["Collection", "Internet", "Network", "Unknown", "Web"],
        "author": ["Author:", "By", "Editor:"],
        "views": ["Viewed:", "Views:", "Hits:", "Read:"],
        "prev": ["prev:", "Previous:", "Prev article:", "« Previous"],
        "next": ["next:", "Next:", "Next article:", "Next »"],
        "none": ["None", "No more"],
        "related": ["Related", "Related News", "Related Articles", "Related Posts"],
        "ranking": ["Ranking", "Most Read", "Top Stories", "Popular"],
        "recommend": ["Recommendation", "Recommend News", "Recommended", "Editor's Picks"],
        "hot": ["Hot News", "Hot", "Trending", "What's Hot"],
        "latest": ["Latest", "Up To Time", "New", "Latest News", "Recent Posts"],
        "may_like": ["You may also like", "You might also like", "More for you", "Don't miss"],
        "good": ["good!", "Support", "Like", "praise", "Helpful"],
        "bad": ["bad!", "Oppose", "Dislike", "bad", "Not helpful"],
        "tags": ["Tags:", "Keywords:", "Tagged:"],
        "share": ["Share", "Share to friends", "Share this:"],
        "print": ["Print", "Print this page"],
        "fav": ["Add Favorites", "Favorites", "Bookmark"],
        "comment": ["Comment", "Leave a comment", "Comments"],
        "search": ["Search", "Input search keyword"],
        "footer": ["About", "Policy", "Feedback", "Partner", "Contact", "SiteMap", "Privacy Policy",
                   "Terms of Use", "Advertise", "Disclaimer"],
        "rights": ["All rights reserved.", "All Rights Reserved.", "Powered by CMS."],
        "topbar": ["Member Center", "TAG", "SiteMap", "RSS", "BBS", "Login", "Register"],
        "read_more": ["Read more", "read more", "Continue reading"],
        "more": ["More", "more »", "View all"],
        "times": ["times", "views", ""],
        "partners": ["Partners", "Friends links", "Links", "Friendly Links", "Partner sites"],
        "popular": ["Popular searches", "Hot searches", "Tags", "Popular tags", "Top keywords"],
    },
    "zh": {
        "home": ["主页", "首页", "网站首页"],
        "crumb": ["当前位置:", "当前位置：", "您的位置：", "所在位置："],
        "posted": ["时间:", "发布时间：", "日期：", "时间："],
        "source": ["来源:", "来源："],
        "collected": ["未知", "网络", "收集", "互联网", "网络整理"],
        "author": ["作者:", "作者：", "编辑："],
        "views": ["点击:", "阅读：", "浏览：", "点击："],
        "prev": ["上一篇：", "上一篇:"],
        "next": ["下一篇：", "下一篇:"],
        "none": ["没有了"],
        "related": ["相关文章", "相关阅读", "相关内容"],
        "ranking": ["排行榜", "阅读排行", "点击排行"],
        "recommend": ["推荐内容", "推荐文章", "精彩推荐"],
        "hot": ["热点内容", "热门文章", "热门推荐"],
        "latest": ["最新文章", "最新内容", "最近更新"],
        "may_like": ["猜你喜欢", "你可能还喜欢"],
        "good": ["顶一下", "赞", "支持"],
        "bad": ["踩一下", "踩", "反对"],
        "tags": ["关键词：", "标签："],
        "share": ["分享到：", "分享给好友"],
        "print": ["打印", "打印本页"],
        "fav": ["收藏", "加入收藏"],
        "comment": ["发表评论", "评论区", "网友评论"],
        "search": ["搜索", "请输入您要搜索的关键词"],
        "footer": ["关于我们", "联系我们", "网站地图", "广告服务", "免责声明", "友情链接", "合作伙伴", "网站声明"],
        "rights": ["版权所有", "All Rights Reserved", "版权所有 翻版必究"],
        "topbar": ["会员中心", "TAG标签", "网站地图", "RSS订阅", "交流论坛", "设为首页", "加入收藏"],
        "read_more": ["阅读全文", "查看全文", "全文"],
        "more": ["更多", "更多>>"],
        "times": ["次", ""],
        "partners": ["友情链接", "合作伙伴", "合作媒体"],
        "popular": ["热门搜索", "热门标签", "热搜词"],
    },
    "de": {
        "home": ["Startseite", "Home"],
        "crumb": ["Sie sind hier:", "Position:"],
        "posted": ["Veröffentlicht:", "Datum:"],
        "source": ["Quelle:"],
        "collected": ["Internet", "Netz", "Unbekannt"],
        "author": ["Autor:", "Von"],
        "views": ["Aufrufe:", "Gelesen:"],
        "prev": ["Vorheriger Artikel:", "« Zurück"],
        "next": ["Nächster Artikel:", "Weiter »"],
        "none": ["Keiner"],
        "related": ["Lesen Sie auch", "Ähnliche Artikel", "Mehr zum Thema"],
        "ranking": ["Meistgelesen", "Top-Artikel"],
        "recommend": ["Empfohlen", "Empfehlungen der Redaktion"],
        "hot": ["Beliebt", "Im Trend"],
        "latest": ["Neueste Beiträge", "Aktuell"],
        "may_like": ["Das könnte Sie auch interessieren", "Auch interessant"],
        "good": ["Gefällt mir", "Hilfreich"],
        "bad": ["Gefällt mir nicht", "Nicht hilfreich"],
        "tags": ["Schlagwörter:", "Tags:"],
        "share": ["Teilen", "Jetzt teilen"],
        "print": ["Drucken"],
        "fav": ["Merken"],
        "comment": ["Kommentar schreiben", "Kommentare"],
        "search": ["Suche", "Suchbegriff eingeben"],
        "footer": ["Impressum", "Datenschutz", "Kontakt", "Werbung", "AGB", "Über uns"],
        "rights": ["Alle Rechte vorbehalten."],
        "topbar": ["Anmelden", "Registrieren", "Newsletter", "RSS"],
        "read_more": ["Weiterlesen", "Mehr lesen"],
        "more": ["Mehr", "Alle anzeigen"],
        "times": ["mal", ""],
        "partners": ["Partner", "Partnerseiten", "Links"],
        "popular": ["Beliebte Suchen", "Schlagwörter"],
    },
    "es": {
        "home": ["Inicio", "Portada"],
        "crumb": ["Usted está aquí:", "Ubicación:"],
        "posted": ["Publicado:", "Fecha:"],
        "source": ["Fuente:"],
        "collected": ["Internet", "Red", "Desconocido"],
        "author": ["Autor:", "Por"],
        "views": ["Visitas:", "Lecturas:"],
        "prev": ["Anterior:", "« Artículo anterior"],
        "next": ["Siguiente:", "Artículo siguiente »"],
        "none": ["Ninguno"],
        "related": ["Te puede interesar", "Relacionados", "Artículos relacionados"],
        "ranking": ["Lo más leído", "Lo más visto"],
        "recommend": ["Recomendados", "Recomendamos"],
        "hot": ["Tendencias", "Lo más popular"],
        "latest": ["Últimas noticias", "Lo último"],
        "may_like": ["También te puede gustar", "Quizás te interese"],
        "good": ["Me gusta", "Útil"],
        "bad": ["No me gusta", "No útil"],
        "tags": ["Etiquetas:", "Palabras clave:"],
        "share": ["Compartir", "Comparte esta noticia"],
        "print": ["Imprimir"],
        "fav": ["Guardar"],
        "comment": ["Deja un comentario", "Comentarios"],
        "search": ["Buscar"],
        "footer": ["Aviso legal", "Privacidad", "Contacto", "Publicidad", "Quiénes somos", "Cookies"],
        "rights": ["Todos los derechos reservados."],
        "topbar": ["Iniciar sesión", "Registrarse", "Boletín", "RSS"],
        "read_more": ["Leer más", "Seguir leyendo"],
        "more": ["Más", "Ver todo"],
        "times": ["veces", ""],
        "partners": ["Sitios amigos", "Socios", "Enlaces"],
        "popular": ["Búsquedas populares", "Etiquetas"],
    },
    "fr": {
        "home": ["Accueil"],
        "crumb": ["Vous êtes ici :", "Position :"],
        "posted": ["Publié le", "Date :"],
        "source": ["Source :"],
        "collected": ["Internet", "Web", "Inconnu"],
        "author": ["Auteur :", "Par"],
        "views": ["Vues :", "Lu :"],
        "prev": ["Article précédent :", "« Précédent"],
        "next": ["Article suivant :", "Suivant »"],
        "none": ["Aucun"],
        "related": ["À lire aussi", "Articles liés", "Sur le même sujet"],
        "ranking": ["Les plus lus", "Classement"],
        "recommend": ["Recommandé", "Notre sélection"],
        "hot": ["Tendances", "À la une"],
        "latest": ["Derniers articles", "Dernières actualités"],
        "may_like": ["Vous aimerez aussi", "À découvrir"],
        "good": ["J'aime", "Utile"],
        "bad": ["Je n'aime pas", "Pas utile"],
        "tags": ["Mots-clés :", "Tags :"],
        "share": ["Partager"],
        "print": ["Imprimer"],
        "fav": ["Favoris"],
        "comment": ["Laisser un commentaire", "Commentaires"],
        "search": ["Rechercher"],
        "footer": ["Mentions légales", "Confidentialité", "Contact", "Publicité", "Qui sommes-nous"],
        "rights": ["Tous droits réservés."],
        "topbar": ["Connexion", "Inscription", "Newsletter", "RSS"],
        "read_more": ["Lire la suite", "En savoir plus"],
        "more": ["Plus", "Voir tout"],
        "times": ["fois", ""],
        "partners": ["Sites partenaires", "Liens amis", "Partenaires"],
        "popular": ["Recherches populaires", "Mots-clés"],
    },
    "ja": {
        "home": ["ホーム", "トップ"],
        "crumb": ["現在位置：", "ホーム >"],
        "posted": ["投稿日：", "公開日：", "更新日："],
        "source": ["出典：", "ソース："],
        "collected": ["ネット", "不明", "インターネット"],
        "author": ["投稿者：", "著者："],
        "views": ["閲覧数：", "PV："],
        "prev": ["前の記事：", "« 前へ"],
        "next": ["次の記事：", "次へ »"],
        "none": ["なし"],
        "related": ["関連記事", "こちらもおすすめ"],
        "ranking": ["人気記事", "ランキング", "アクセスランキング"],
        "recommend": ["おすすめ", "おすすめ記事", "編集部のおすすめ"],
        "hot": ["話題の記事", "注目"],
        "latest": ["新着記事", "最新記事"],
        "may_like": ["あなたへのおすすめ", "こちらも読まれています"],
        "good": ["いいね！", "役に立った"],
        "bad": ["よくないね", "役に立たなかった"],
        "tags": ["タグ：", "キーワード："],
        "share": ["シェアする", "この記事をシェア"],
        "print": ["印刷"],
        "fav": ["お気に入り"],
        "comment": ["コメントする", "コメント"],
        "search": ["検索"],
        "footer": ["運営会社", "プライバシーポリシー", "お問い合わせ", "利用規約", "サイトマップ", "免責事項"],
        "rights": ["All Rights Reserved.", "無断転載禁止"],
        "topbar": ["ログイン", "会員登録", "RSS"],
        "read_more": ["続きを読む", "もっと見る"],
        "more": ["もっと見る", "一覧へ"],
        "times": ["回", ""],
        "partners": ["相互リンク", "パートナー", "リンク集"],
        "popular": ["人気の検索", "人気タグ"],
    },
}

# ---------------------------------------------------------------------------
# Scraper leftovers (own wording)
# ---------------------------------------------------------------------------

DISCLAIMERS = {
    "en": [
        "Disclaimer: This article was collected from the internet and does not reflect the views of this site. "
        "If it infringes your copyright, please contact {email} and we will remove it promptly.",
        "Note: Content on this page is reposted for information only. The copyright belongs to the original "
        "author. Contact {email} for removal requests.",
        "This post was reproduced from the network for the purpose of sharing information. If there is any "
        "infringement, please let us know at {email} and it will be deleted.",
    ],
    "es": [
        "Aviso: Este contenido fue tomado de internet y no refleja la opinión de este sitio. Si vulnera sus "
        "derechos de autor, escriba a {email} y lo retiraremos.",
        "Nota: Artículo reproducido con fines informativos; los derechos pertenecen a su autor original. "
        "Solicitudes de retirada a {email}.",
    ],
    "fr": [
        "Avertissement : cet article a été recueilli sur internet et ne reflète pas l'avis de ce site. En cas "
        "d'atteinte à vos droits, écrivez à {email} et nous le retirerons.",
        "Note : contenu republié à titre d'information ; les droits appartiennent à l'auteur d'origine. "
        "Contact : {email}.",
    ],
    "de": [
        "Hinweis: Dieser Beitrag wurde aus dem Internet übernommen und gibt nicht die Meinung dieser Seite "
        "wieder. Bei Urheberrechtsverletzungen wenden Sie sich an {email}, wir entfernen den Beitrag umgehend.",
        "Haftungshinweis: Inhalt zu Informationszwecken weiterverbreitet; Rechte liegen beim ursprünglichen "
        "Autor. Löschanfragen an {email}.",
    ],
    "zh": [
        "免责声明：本文来源于网络，仅供参考，不代表本站观点。如有侵权，请联系{email}删除。",
        "声明：本站部分文章转载自互联网，版权归原作者所有，如有侵权请联系我们删除。",
        "本文内容由互联网用户自发贡献，该文观点仅代表作者本人。如发现本站有涉嫌抄袭侵权内容，请发送邮件至{email}举报。",
    ],
    "ja": [
        "免責事項：本記事はインターネット上の情報をもとに転載しています。権利者の方は{email}までご連絡ください。",
    ],
}

AD_HEADLINES = {
    "en": [
        "Doctors are stunned by this simple trick for knee pain",
        "Homeowners are getting solar panels installed for almost nothing",
        "This $29 gadget cuts your electricity bill in half",
        "New rule for drivers over 60 takes effect next month",
        "Top 10 online casinos with instant payouts",
        "Earn $500 a day from home with this method",
        "Seniors can now get hearing aids at a fraction of the price",
        "The one stock experts say to buy right now",
        "Bad credit? Get a loan approved in minutes",
        "Forget expensive implants: try this instead",
    ],
    "zh": [
        "在家就能做的兼职，日赚500元不是梦",
        "中老年人膝盖疼，坚持这个方法效果惊人",
        "2万元起步加盟，一年回本",
        "炒股不如炒它？专家揭秘理财新玩法",
        "治疗脱发的偏方，很多人都不知道",
    ],
    "de": ["Ärzte verblüfft: Dieser einfache Trick hilft bei Knieschmerzen",
           "So sparen Hausbesitzer jetzt bei Solaranlagen"],
    "es": ["Los médicos no pueden explicar este truco para el dolor de rodilla",
           "Gana 500 euros al día desde casa"],
    "fr": ["Les médecins stupéfaits par cette astuce contre les douleurs",
           "Panneaux solaires : l'offre qui affole les propriétaires"],
    "ja": ["ひざの痛みに悩む人が試している簡単な方法", "自宅で月収50万円を稼ぐ方法とは"],
}

# keyword anchors used by link farms, with the kind of host they point to
SPAM_KEYWORDS = [
    ("best online casino", "casino"), ("online slots", "slots"), ("payday loans", "loans"),
    ("cheap essays", "essay"), ("essay writing service", "essays"), ("buy instagram followers", "followers"),
    ("replica watches", "watches"), ("CBD oil", "cbd"), ("sports betting", "bet"), ("quick loans", "cash"),
    ("crypto signals", "signals"), ("SEO services", "seo"), ("cheap flights", "flights"),
    ("weight loss pills", "slim"), ("forex broker", "fx"), ("live casino bonus", "bonus"),
    ("term paper help", "papers"), ("car title loans", "titleloans"), ("no deposit bonus", "nodeposit"),
    ("web hosting coupon", "hosting"), ("VPN deals", "vpn"), ("mail order brides", "dating"),
]

# ---------------------------------------------------------------------------
# Original-site style names (for aggregators, portals, clones without html)
# ---------------------------------------------------------------------------

REGIONS = ["Asia Pacific", "Nevada", "Midwest", "Gulf", "Baltic", "Sydney", "Texas", "Caribbean",
           "Pacific Coast", "Alpine", "Nordic", "Sahara", "Atlantic", "Great Lakes", "Balkan"]
PAPER_NOUNS = ["Star", "Sun", "Herald", "Times", "Post", "Telegraph", "Monitor", "Observer",
               "Chronicle", "Gazette", "Tribune", "Ledger", "Journal", "Express", "News Network"]
PORTAL_NAMES = ["Zoomly", "Skyline", "Nexa", "Orbitra", "Vividly", "Quickstart", "Lumina", "Hubbo",
                "Startside", "Portalia", "Newsly", "Headway", "Feedzy", "Brightpath"]

WIRE_AGENCIES = {
    # code: (display name, copyright holder)
    "AP": ("Associated Press", "The Associated Press"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AFP": ("AFP", "Agence France-Presse"),
    "dpa": ("dpa", "dpa Deutsche Presse-Agentur GmbH"),
    "EFE": ("EFE", "Agencia EFE"),
    "Kyodo": ("Kyodo News", "Kyodo News"),
    "Xinhua": ("Xinhua", "Xinhua News Agency"),
}

WIRE_CITIES = {
    "en": ["WASHINGTON", "NEW YORK", "LONDON", "BEIJING", "TOKYO", "PARIS", "BERLIN", "SYDNEY",
           "NAIROBI", "MEXICO CITY", "BRUSSELS", "SEOUL", "CHICAGO", "LOS ANGELES", "GENEVA"],
    "de": ["BERLIN", "HAMBURG", "MÜNCHEN", "FRANKFURT", "WIEN", "BRÜSSEL"],
    "es": ["MADRID", "BARCELONA", "MÉXICO", "BUENOS AIRES", "BOGOTÁ", "LIMA"],
    "fr": ["PARIS", "LYON", "BRUXELLES", "GENÈVE", "MARSEILLE"],
    "ja": ["東京", "大阪", "北京", "ワシントン"],
    "zh": ["北京", "上海", "广州", "深圳", "香港"],
}

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
             "Oktober", "November", "Dezember"]
MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre"]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

TLDS = ["com", "net", "org", "top", "xyz", "info", "co.uk", "com.cn", "cn", "de", "online", "site",
        "club", "icu", "shop", "vip", "cc", "biz", "news", "live", "us", "in", "com.au", "io", "me"]

HOST_PARTS = ["news", "daily", "hub", "world", "info", "today", "media", "zone", "wire", "press",
              "now", "feed", "line", "post", "view", "24", "plus", "point", "base", "365", "go", "web"]

# ---------------------------------------------------------------------------
# Spinning: small synonym list (English) and filler words
# ---------------------------------------------------------------------------

SYNONYMS = {
    "said": ["stated", "noted", "explained", "remarked"], "says": ["states", "notes", "explains"],
    "big": ["large", "huge", "major"], "small": ["little", "minor", "modest"],
    "important": ["significant", "crucial", "vital"], "people": ["individuals", "folks", "persons"],
    "help": ["assist", "aid", "support"], "show": ["demonstrate", "reveal", "display"],
    "shows": ["demonstrates", "reveals", "displays"], "use": ["utilize", "employ"],
    "used": ["utilized", "employed"], "start": ["commence", "begin", "kick off"],
    "started": ["commenced", "began"], "end": ["conclusion", "finish", "close"],
    "new": ["fresh", "novel", "recent"], "old": ["aged", "former", "previous"],
    "fast": ["rapid", "quick", "speedy"], "quickly": ["rapidly", "swiftly"],
    "many": ["numerous", "plenty of", "a lot of"], "get": ["obtain", "acquire", "receive"],
    "buy": ["purchase", "acquire"], "need": ["require", "want"], "needs": ["requires", "wants"],
    "think": ["believe", "consider", "reckon"], "about": ["regarding", "concerning", "around"],
    "also": ["additionally", "furthermore", "as well"], "but": ["however", "yet"],
    "because": ["since", "as", "due to the fact that"], "very": ["extremely", "highly", "really"],
    "make": ["create", "produce", "generate"], "made": ["created", "produced"],
    "find": ["discover", "locate"], "found": ["discovered", "located"],
    "problem": ["issue", "challenge", "difficulty"], "problems": ["issues", "challenges"],
    "city": ["town", "municipality", "metropolis"], "country": ["nation", "state"],
    "government": ["administration", "authorities"], "company": ["firm", "business", "enterprise"],
    "companies": ["firms", "businesses"], "money": ["funds", "cash", "capital"],
    "week": ["seven days"], "year": ["twelve months"], "years": ["decades", "seasons"],
    "increase": ["rise", "growth", "boost"], "decrease": ["decline", "drop", "reduction"],
    "children": ["kids", "youngsters"], "home": ["residence", "house"], "house": ["home", "residence"],
    "job": ["position", "role"], "jobs": ["positions", "roles"], "work": ["labor", "effort"],
    "told": ["informed", "advised"], "asked": ["questioned", "inquired"],
    "like": ["such as", "similar to"], "before": ["prior to", "ahead of"], "after": ["following", "subsequent to"],
    "during": ["throughout", "amid"], "around": ["roughly", "approximately"],
    "announced": ["unveiled", "revealed", "declared"], "plan": ["scheme", "proposal", "strategy"],
    "plans": ["schemes", "proposals", "strategies"], "report": ["study", "account"],
    "officials": ["authorities", "representatives"], "police": ["law enforcement", "officers"],
    "killed": ["slain", "left dead"], "attack": ["assault", "strike"], "war": ["conflict", "battle"],
    "leader": ["head", "chief"], "president": ["head of state", "leader"], "market": ["marketplace", "sector"],
    "price": ["cost", "rate"], "prices": ["costs", "rates"], "high": ["elevated", "lofty"],
    "low": ["reduced", "minimal"], "good": ["great", "fine", "positive"], "bad": ["poor", "negative"],
    "hard": ["difficult", "tough"], "easy": ["simple", "straightforward"], "try": ["attempt", "seek"],
    "tried": ["attempted", "sought"], "change": ["shift", "alteration"], "changes": ["shifts", "alterations"],
    "large": ["big", "sizable"], "major": ["key", "big", "principal"], "including": ["such as", "among them"],
    "expected": ["anticipated", "projected"], "however": ["nevertheless", "nonetheless"],
    "according": ["as per"], "recent": ["latest", "current"], "area": ["region", "zone"],
    "group": ["team", "organization"], "world": ["globe", "planet"], "local": ["regional", "area"],
}

FILLERS = {
    "en": ["Notably,", "In fact,", "Interestingly,", "Moreover,", "As a matter of fact,", "Indeed,"],
    "de": ["Übrigens", "Tatsächlich", "Zudem"],
    "es": ["De hecho,", "Además,", "Cabe destacar que"],
    "fr": ["En effet,", "Par ailleurs,", "Notons que"],
}

SPUN_BYLINES = ["Editorial Team", "Staff Writer", "News Desk", "Content Team", "Editorial Staff",
                "Web Desk", "Trending Desk", "Digital Team"]

SPUN_DISCLAIMERS = [
    "The information in this article is provided for general informational purposes only.",
    "This article has been edited and rewritten by our editorial team from publicly available sources.",
    "We may earn a commission from links on this page.",
    "Content may have been produced with the help of automated tools and reviewed by our editors.",
]

WP_THEMES = ["twentytwentyone", "twentytwenty", "astra", "generatepress", "newspaper", "jnews",
             "colormag", "newsup", "hello-elementor", "oceanwp", "mh-magazine", "sparkle-news"]
WP_VERSIONS = ["5.8.3", "5.9.2", "6.0.1", "6.1.1", "6.2.2", "6.3", "6.4.3", "6.5.2", "6.6.1"]

# ---------------------------------------------------------------------------
# Theme frame: the menus, social links and notices of the stock themes farms run
# ---------------------------------------------------------------------------

SOCIAL = ["Facebook", "Twitter", "X", "Instagram", "YouTube", "LinkedIn", "Pinterest", "TikTok", "Telegram",
          "WhatsApp", "Reddit", "Flipboard"]
SOCIAL_ZH = ["微博", "微信", "抖音", "QQ空间", "今日头条"]

THEME = {
    "en": {"follow": ["Follow us", "Stay connected", "Connect with us"],
           "newsletter": ["Subscribe to our newsletter", "Get the latest news in your inbox", "Sign up for our daily briefing"],
           "subscribe": ["Subscribe", "Sign up", "Join"],
           "cookies": ["We use cookies to improve your experience on our site.",
                       "This website uses cookies to ensure you get the best experience."],
           "accept": ["Accept", "OK", "Got it", "Accept all"],
           "columns": ["Sections", "Company", "Quick Links", "Useful Links", "Categories", "Information"]},
    "zh": {"follow": ["关注我们", "扫码关注"],
           "newsletter": ["订阅我们的新闻", "获取最新资讯"],
           "subscribe": ["订阅", "立即订阅"],
           "cookies": ["本网站使用cookie以提升您的浏览体验。"],
           "accept": ["同意", "我知道了"],
           "columns": ["栏目导航", "关于本站", "快速链接", "热门分类"]},
    "de": {"follow": ["Folgen Sie uns", "Social Media"],
           "newsletter": ["Newsletter abonnieren", "Die wichtigsten Nachrichten per E-Mail"],
           "subscribe": ["Abonnieren", "Anmelden"],
           "cookies": ["Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten."],
           "accept": ["Akzeptieren", "Alle akzeptieren", "OK"],
           "columns": ["Rubriken", "Service", "Unternehmen", "Links"]},
    "es": {"follow": ["Síguenos", "Redes sociales"],
           "newsletter": ["Suscríbete a nuestro boletín", "Recibe las últimas noticias"],
           "subscribe": ["Suscribirse", "Enviar"],
           "cookies": ["Utilizamos cookies para mejorar su experiencia en nuestro sitio."],
           "accept": ["Aceptar", "Aceptar todo"],
           "columns": ["Secciones", "Empresa", "Enlaces", "Categorías"]},
    "fr": {"follow": ["Suivez-nous", "Réseaux sociaux"],
           "newsletter": ["Abonnez-vous à notre newsletter", "Recevez nos dernières actualités"],
           "subscribe": ["S'abonner", "Valider"],
           "cookies": ["Nous utilisons des cookies pour améliorer votre expérience sur notre site."],
           "accept": ["Accepter", "Tout accepter"],
           "columns": ["Rubriques", "Société", "Liens utiles", "Catégories"]},
    "ja": {"follow": ["フォローする", "公式SNS"],
           "newsletter": ["メールマガジン登録", "最新ニュースをお届けします"],
           "subscribe": ["登録", "購読する"],
           "cookies": ["当サイトではサービス向上のためにCookieを使用しています。"],
           "accept": ["同意する", "OK"],
           "columns": ["カテゴリー", "会社情報", "リンク", "サービス"]},
}
