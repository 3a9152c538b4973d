PAGES: dict = {}

POWERS = (
    "measurement page: needs a power and the second factor (campaign manager, regional officer)"
)
EXCLUDED = {
    "go": "tracked link: a redirect, not a page",
    "dashboard": POWERS,
    "export": "file download; " + POWERS,
    "links": POWERS,
    "link_edit": POWERS,
    "link_qr": "image download; " + POWERS,
    "social": POWERS,
    "social_template": "file download; " + POWERS,
    "donor_new": POWERS,
    "donor_report": POWERS,
    "donor_download": "file download; " + POWERS,
}
