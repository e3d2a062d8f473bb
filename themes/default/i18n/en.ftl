# convene's default theme: interface texts in English.
# A site changes any of them in its own i18n/en.ftl (only the ones it changes).
# Syntax: https://projectfluent.org/fluent/guide/

language-name = English

## Dates: `date` puts a day, a month's name and a year together.
date = { $day } { $month } { $year }
dates-between = { $starts } to { $ends }
dates-from = From { $starts }
dates-until = Until { $ends }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Words the theme's code writes into pages
photo-of = Photo of { $name }
flag-draft = Draft
flag-internal = Internal only
flag-embargoed = Embargoed until { $until }
responding-level-1 = Thank and share
responding-level-2 = Answer on own topics
responding-level-3 = Handle complaints and media
responding-level-unknown = Unknown level

## Languages
languages-label = Language
untranslated = This page has not been translated yet: its text is in the site's main language.

## Header and footer (site_header.html, site_footer.html)
skip-link = Skip to main content
banner-internal = Internal playbook.
banner-staff-only = For { $organisation } staff only: do not share this page or screenshots of it outside the organisation.
nav-main = Main
nav-guidelines = Guidelines
nav-respond = Who responds
nav-people = People
nav-topics = Topics
nav-stories = Stories
nav-campaigns = Campaigns
nav-search = Search
footer-charity-number = , registered charity number { $number }
footer-about = About this site
footer-privacy = Privacy notice
footer-accessibility = Accessibility statement
footer-contact = Contact us
footer-donate = Donate
footer-get-involved = Get involved
footer-social = { $organisation } on social media
footer-public-hub = The public hub is at

## Search (search.html)
search-playbook-title = Search the playbook
search-playbook-label = Search guidelines, stories, campaigns and people
search-needs-js = Search needs JavaScript. Without it, browse:
search-hub-title = Search { $site }
search-hub-label = Search people, stories and campaigns

## Home page (home.html)
home-playbook-lead = How we use social media at { $organisation }: our guidelines, who can respond on what, every profile with contact details, and every story, including drafts and embargoed ones.
home-read-guidelines = Read the guidelines
home-who-responds = Who responds on what
home-signatures = Email signatures
home-find-someone = Find someone to talk to
home-read-stories = Read our stories
home-changes = What changed recently
flag-also-public = Also public
home-meet-people = Meet our people
home-all-people = See all { $count } people
home-ask-heading = Who to talk to about…
home-ask-lead = Have a question? Pick what it is about and talk to someone who works on it.
## Words several pages share
topics-label = Topics
tags-label = Tags
hashtags-label = Hashtags
staff-notes = Staff notes
find-someone = Find someone
opens-in-new-tab = (opens in a new tab)
people-count = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
home-ask = Ask
list-or = or
home-all-topics = All { $count } topics
home-recent-stories = Recent stories
home-all-stories = All stories
home-social-media = How we use social media

## Accessibility statement (accessibility.html)
a11y-title = Accessibility statement
a11y-lead = { $site } is for everyone who wants to meet the people of { $organisation }. We want you to be able to read and use every page, whatever your device, eyesight, hands or the way you browse.
a11y-aim-heading = What we aim for
a11y-aim-before = The site aims to meet the
a11y-aim-wcag = Web Content Accessibility Guidelines (WCAG) 2.2
a11y-aim-after = at level AA.
a11y-does-heading = What the site does for you
a11y-does-keyboard = Every page works with a keyboard alone: a “Skip to main content” link comes first, and the place you are on is always clearly outlined.
a11y-does-contrast = Text and buttons have a contrast of at least 4.5 to 1 against their background, and lines and borders that matter at least 3 to 1, in both the light and the dark colour scheme. Our own colours are checked against these figures before the site is published.
a11y-does-schemes = The site follows your device’s light or dark mode, and turns movement off when you ask your device for less motion.
a11y-does-phone = Pages fit a phone’s screen without scrolling sideways, and the text grows with your browser’s zoom.
a11y-does-structure = Pages use headings, landmarks and lists, so screen readers can move through them, and pictures of people and stories have descriptions.
a11y-does-scripts = Search and filters work with the keyboard and say how many results they found. They and the copy buttons need JavaScript; every page and link works without it.
a11y-tested-heading = How it is tested
a11y-tested-how = Every kind of page is tested automatically in the Chromium browser, at 375 and 1280 pixels wide and in the light and dark colour schemes, with
a11y-tested-axe = (its WCAG 2.0, 2.1 and 2.2 A and AA rules) and the
a11y-tested-keyboard = Searching, filtering, copying and the other interactions are also tested with the keyboard only.
a11y-limits = Automated tests cannot find every problem, and the words and pictures are written by our staff: a description of a photo can miss what matters, or a link can say too little.
a11y-report-heading = Tell us about a problem
a11y-report = If something on this site is hard to use, or you need the information in another format, please tell us
a11y-report-at = at
a11y-report-through = through
a11y-website = { $organisation }’s website
a11y-report-then = Say which page it was and what happened, and we will reply and put it right.
stories-count = { $count ->
    [one] { $count } story
   *[other] { $count } stories
}

## Page numbers under long lists
pager-previous = Previous
pager-previous-hidden = page
pager-next = Next
pager-next-hidden = page
pager-page = Page
list-description-page = { $list }, page { $number }: { $stretch }.

## A person's profile (person.html, person_card.html)
person-team = Team:
person-based-in = Based in:
person-staff-only = Staff only
person-no-consent = Not on the public hub: no consent to publish.
person-consent-lapsed = Consent review due: the review date ({ $date }) has passed, so this profile is off the public hub until consent is renewed.
person-consent-review = Consent review: { $date }
# Followed by person-responds-on when the person responds on named topics, then a full stop.
person-responding = Responding level { $level }: { $label }
person-responds-on = , on { $topics }
person-signature = Email signature for { $name }
person-ask-me-about = Ask me about
person-online = Find { $name } online
person-share = Share this profile
# What a profile's share buttons say: the role in lower case, as in "Meet Amara, head of comms".
person-share-text = Meet { $name }, { $role }
person-qr = QR code for { $url }
person-qr-caption = Scan to open this profile
person-vcard = Add { $name } to your contacts
person-stories = Stories with { $name }
person-related = People you could also talk to
card-not-public = Not on the public hub

## The people directory (people.html)
people-title = People
people-title-page = People, page { $number }
people-description = Meet the people of { $org } and find someone to talk to, by name, topic, team or place.
people-description-short = People at { $org }
# After people-count, on the playbook only.
people-count-playbook = , including those not on the public hub
# "Browse by topic (12), team (5) or place (3)": each word is a link.
people-browse-by = Browse by
people-browse-topic = topic
people-browse-team = team
people-browse-or = or
people-browse-place = place
finder-name = Name or role
finder-topic = Topic
finder-any-topic = Any topic
finder-team = Team
finder-any-team = Any team
finder-place = Place
finder-any-place = Anywhere
people-everyone = Everyone
people-page-of = page { $current } of { $total }
people-pager = People pages

## Stories (stories.html, story.html)
stories-title = Stories
stories-title-page = Stories, page { $number }
stories-description = Stories from { $org }: what its people have been doing, newest first.
stories-from = Stories from { $org }
stories-page-of = Page { $current } of { $total }, newest first
stories-all = All stories, newest first
stories-pager = Story pages
stories-none = No stories yet.
# After a story's flag (flag-draft, flag-internal, flag-embargoed) and a colon.
story-draft-note = not published yet.
story-internal-note = never published on the public hub.
story-embargoed-note = not on the public hub until then.
story-part-of = Part of
story-people = People in this story
story-share = Share this story

## Campaigns (campaigns.html, campaign.html)
campaigns-title = Campaigns
campaigns-description = What { $org } is campaigning for, and the stories of the people behind each campaign.
campaign-description = { $title }: a campaign by { $org }.
campaign-description-when = { $title }: a campaign by { $org }. { $when }.
campaign-open-kit = Open the share kit
campaign-kit-note = ready-made posts for every network, with tracked links.
campaign-stories = Stories from this campaign

## Guidelines (guidelines.html, guideline.html)
guidelines-title = Guidelines
guidelines-title-public = How we use social media
guidelines-description = How people at { $org } speak for it online: the guidelines they follow.
guidelines-also-public = Also public
guideline-description = { $title }: a guideline from { $org }.
guideline-also-public = This guideline is also on the public hub.
guideline-updated = Updated { $date }.
guideline-reviewed = Reviewed { $date }
guideline-reviewed-by = by
guideline-kept-by = Kept up to date by
guideline-contents = On this page
guideline-all = All guidelines
guideline-respond-note = find who may answer on a topic

## Topics, teams and places (facets.html, facet.html)
facet-topics = Topics
facet-teams = Teams
facet-places = Places
facet-topics-description = The topics people at { $org } talk about, and who to ask about each.
facet-teams-description = The teams at { $org }, and the people in each.
facet-places-description = Where the people of { $org } are based, and who is in each place.
facet-topic-description = People at { $org } to talk to about { $term }.
facet-team-description = The people of { $org }'s { $term } team, and their stories.
facet-place-description = { $term }: people at { $org } based there, and their stories.
facets-none = Nothing here yet.
# $facet is the list's folder: topics, teams or places.
facet-all = All { $facet }
facet-people-topic = People to talk to about { $term }
facet-people-team = People in { $term }
facet-people-place = People in { $term }

## Who responds on what (respond.html, playbook only)
respond-title = Who responds on what
respond-lead = Everyone can thank and share. For each topic, these are the people who may answer publicly, and at what level. If a post needs a higher level than yours, pass it on.
respond-level = Level { $level }
respond-key-1 = thank and share
respond-key-2 = answer on own topics
respond-key-3 = handle complaints and media
respond-uncovered = Topics nobody may respond on ({ $count })
# Followed by the field name `responds_on` and a full stop.
respond-uncovered-why = These topics appear in profiles or stories, but no one has them in
respond-uncovered-until = Until someone does, pass questions on them to the comms team.
respond-topics-nav = Topics on this page
respond-level-heading = Level { $level }: { $label }
respond-no-level = No level set
respond-level-caption = level { $level }
respond-no-level-caption = no level set
respond-person = Person
respond-role = Role
respond-contact = Contact

## Contact details in the playbook: the name shown for a known key of `internal:` (others show the key itself)
contact-email = email
contact-phone = phone
contact-mobile = mobile
contact-manager = manager

## Search (the kind of each result)
search-title = Search
kind-guideline = Guideline
kind-story = Story
kind-campaign = Campaign
kind-person = Person

## Page not found (404.html) and moved pages (alias.html)
not-found-title = Page not found
not-found-description = There is no page at this address on { $site }. Start from the home page to find people, stories and campaigns.
not-found-lead = Sorry, there's nothing at this address. The page may have moved, or the person may no longer have a public profile.
not-found-home = Home
not-found-stories = Read our stories
moved = Moved
moved-title = This page has moved
# Followed by a link, moved-new-address, and a full stop.
moved-now-at = It is now at
moved-new-address = its new address

## Share buttons (share_block.html)
share-copy-link = Copy link
share-mastodon-server = Share on Mastodon: your server
share-mastodon = Share on Mastodon
share-link = Link:

## The share kit (share_kit.html, playbook only)
kit-back = Back to { $campaign }
kit-title = Share kit: { $campaign }
kit-lead = Ready-made posts for your own accounts. Pick the one that sounds most like you, and change the words: posts that all read the same look like an advert, not a person.
# "Each post links to <the link>, tagged so ..."
kit-links-to = Each post links to
kit-links-tagged = , tagged so the team can see which network a visit came from.
kit-hashtags = Hashtags:
kit-network = Where will you post?
kit-person = Who are you? Your links will say you shared them, so the team can thank you.
kit-choose-name = Choose your name
kit-noscript = These posts are written for { $network }. With JavaScript on, you can choose another network and copy a post with one button.
kit-post = Post { $number }
kit-too-long-for = Too long for { $networks }
kit-your-post = Your post: make it sound like you
kit-count = { $used } of { $limit } characters on { $network }
kit-too-long = too long, shorten it
kit-copy = Copy post
kit-post-on = Post on
kit-post-on-which = (post { $number })
# "Copy the post, then paste it into your <network> app."
kit-paste = Copy the post, then paste it into your
kit-paste-app = app.

## Email signatures (signature.html, signatures.html, playbook only)
signature-title = Email signature: { $name }
signature-lead = Your signature for email, ready to paste: copy it here, then paste it into your email program's signature settings. Anything you change in the playbook (your role, pronouns or contact details) is here the next time the playbook is built.
# "... doesn't link to it. <Your profile in the playbook> says why."
signature-off-hub = Your profile is not on the public hub, so your signature doesn't link to it.
signature-profile = Your profile in the playbook
signature-says-why = says why.
signature-copy = Copy signature
signature-plain = As plain text
signature-copy-plain = Copy plain text
signature-how = Adding it to your email
# After "Outlook" in bold.
signature-how-outlook = (web and new Outlook): Settings, Mail, Compose and reply. Paste into the signature box and save. Classic Outlook for Windows: File, Options, Mail, Signatures.
# After "Gmail" in bold and a colon.
signature-how-gmail = Settings (the cog), See all settings, General, Signature. Create a new one, paste, then Save changes at the foot of the page.
signature-how-plain-where = Anywhere that only takes plain text
signature-how-plain = (some phones, ticket systems): use the plain-text version.
signature-how-by-hand = Without the copy button, select the signature above from your name to its last line, and copy it as you would any text.
signatures-title = Email signatures
signatures-lead = Everyone's email signature, ready to paste into Outlook or Gmail, with a plain-text version. Find your name.
# The signatures themselves
signature-yours = Your signature
signature-without-cta = Without a call to action
signature-without-cta-label = without a call to action
signature-with-cta = With a call to action: { $campaign }
signature-with-cta-label = with a call to action: { $campaign }
signature-my-profile = My profile on { $site }
signature-charity-number = Registered charity number { $number }.
signature-charity = { $org } is a registered charity, number { $number }.
search-description = Search { $site } for people, stories and campaigns.

## What the theme's scripts say (`{n}` and the like are filled in by the script)
js-people-none = No one matches. Try fewer words or another filter.
js-people-one = 1 person found.
js-people-many = { $n } people found.
js-results-none = Nothing found. Try other words.
js-results-one = 1 result.
js-results-many = { $n } results.
js-showing-first = Showing the first { $n }.
js-index-failed = The search index could not be loaded.
js-link-copied = Link copied.
js-link-failed = Couldn't copy: select the link and copy it instead.
js-mastodon-server = Type your Mastodon server's name, for example mastodon.social.
js-post-copied = Post { $n } copied.
js-post-failed = Couldn't copy: the post is selected, copy it with your keyboard.
js-count = { $used } of { $limit } characters on { $network }
js-too-long = : too long, shorten it
js-signature-copied = Signature copied: paste it into your email program's signature settings.
js-plain-copied = Plain-text signature copied.
js-signature-failed = Couldn't copy: select the signature and copy it instead.
# A profile's description for link previews: "Amara Okafor, Head of Communications, Communications at Riverside Trust".
profile-description = { $who } at { $organisation }
