"""The chat has no public page: it is reached through messaging apps."""

STAFF = "staff page: needs login with a second factor; tested in rumbo/chat/tests"
PAGES: dict = {}
EXCLUDED = {
    "webhook": "provider webhook (signed JSON or form POST), not a page",
    "short_link": "redirect to a plan or guide page sent by SMS, not a page",
    "inbox": STAFF,
    "handoff": STAFF,
    "simulator": "staff chat simulator; " + STAFF,
    "text_preview": "staff preview of chat texts per channel; " + STAFF,
}
