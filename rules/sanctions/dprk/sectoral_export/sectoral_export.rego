# METADATA
# title: DPRK sectoral exports
# description: >-
#   The DPRK may not export, and no State may procure from it: coal, iron and iron ore (2270
#   (2016) with a livelihood exception, 2321 (2016) with a cap on coal, a full ban from 2371
#   (2017)); gold, titanium and vanadium ore and rare earths (2270 (2016)); copper, nickel, silver,
#   zinc and statues (2321 (2016)); lead, lead ore and seafood (2371 (2017)), a ban that 2397 (2017)
#   clarified also bars selling or transferring fishing rights; textiles (2375 (2017)); food and
#   agricultural products, machinery, electrical equipment, earth and stone, wood and vessels (2397
#   (2017)). Each ban counts from its own resolution: DPRK coal sold in 2015 was lawful, in 2018 it
#   was not. Fires on a transfer from the DPRK, and for fishing rights also on an agreement (which
#   needs review), a cooperation or a payment. The finding needs review while the
#   livelihood exception and the coal cap stood (March 2016 to August 2017), during the days after
#   2371, 2375 and 2397 (2017) when shipments under contracts signed before them could still be
#   let in, and for fishing rights sold before 2397 (2017) made their ban explicit.
# scope: package
# custom:
#   id: DPRK-SECTORAL-EXPORT
#   category: sectoral
#   severity: high
#   citations:
#     - resolution: 2397 (2017)
#       paragraph: "6"
#       in_force: "2017-12-22"
#       covers: [food_agricultural, machinery, electrical_equipment, earth_stone, wood, vessel]
#       summary: >-
#         The DPRK shall not supply, sell or transfer food and agricultural products (HS 12, 08,
#         07), machinery (HS 84), electrical equipment (HS 85), earth and stone including magnesite
#         and magnesia (HS 25), wood (HS 44) and vessels (HS 89), and all States shall prohibit
#         their procurement from the DPRK.
#       url: https://docs.un.org/en/S/RES/2397(2017)
#       confirmed: https://unsanctionsapp.com/types-of-sanctions/transportation-vehicles
#     - resolution: 2397 (2017)
#       paragraph: "6"
#       in_force: "2017-12-22"
#       covers: [fishing_rights]
#       summary: >-
#         Clarifies that the full sectoral ban on seafood in paragraph 9 of resolution 2371 (2017)
#         prohibits the DPRK from selling or transferring, directly or indirectly, fishing rights.
#       url: https://docs.un.org/en/S/RES/2397(2017)
#       confirmed: https://www.kmi.re.kr/globalnews/posts/view.do?idx=4269&page=771&rbsIdx=32
#     - resolution: 2375 (2017)
#       paragraph: "16"
#       in_force: "2017-09-11"
#       covers: [textiles]
#       summary: >-
#         The DPRK shall not supply, sell or transfer textiles (including fabrics and partially or
#         fully completed apparel products), and all States shall prohibit their procurement from
#         the DPRK.
#       url: https://docs.un.org/en/S/RES/2375(2017)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2371 (2017)
#       paragraph: "8"
#       in_force: "2017-08-05"
#       covers: [coal, iron, iron_ore]
#       summary: >-
#         The DPRK shall not supply, sell or transfer coal, iron and iron ore, and all States shall
#         prohibit their procurement from the DPRK, whatever their origin, except coal confirmed to
#         have originated outside the DPRK and transported through it solely for export from the
#         port of Rajin.
#       url: https://docs.un.org/en/S/RES/2371(2017)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2371 (2017)
#       paragraph: "9"
#       in_force: "2017-08-05"
#       covers: [seafood]
#       summary: >-
#         The DPRK shall not supply, sell or transfer seafood (fish, crustaceans, molluscs and
#         other aquatic invertebrates in all forms), and all States shall prohibit its procurement
#         from the DPRK.
#       url: https://docs.un.org/en/S/RES/2371(2017)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2371 (2017)
#       paragraph: "9"
#       in_force: "2017-08-05"
#       until: "2017-12-21"
#       covers: [fishing_rights]
#       summary: >-
#         The DPRK shall not supply, sell or transfer seafood, and all States shall prohibit its
#         procurement from the DPRK; resolution 2397 (2017) paragraph 6 later clarified that this
#         ban prohibits the DPRK from selling or transferring fishing rights.
#       url: https://docs.un.org/en/S/RES/2371(2017)
#       note: paragraph number not yet confirmed against the resolution text
#       review: >-
#         Only on 22 December 2017 did resolution 2397 (2017) state that the seafood ban prohibits
#         the sale of fishing rights: whether this earlier sale was read as banned needs review.
#     - resolution: 2371 (2017)
#       paragraph: "10"
#       in_force: "2017-08-05"
#       covers: [lead, lead_ore]
#       summary: The DPRK shall not supply, sell or transfer lead and lead ore, and all States shall prohibit their procurement from the DPRK.
#       url: https://docs.un.org/en/S/RES/2371(2017)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2321 (2016)
#       paragraph: "28"
#       in_force: "2016-11-30"
#       covers: [copper, nickel, silver, zinc]
#       summary: The DPRK shall not supply, sell or transfer copper, nickel, silver and zinc, and all States shall prohibit their procurement from the DPRK.
#       url: https://docs.un.org/en/S/RES/2321(2016)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2321 (2016)
#       paragraph: "29"
#       in_force: "2016-11-30"
#       covers: [statues]
#       summary: The DPRK shall not supply, sell or transfer statues, and all States shall prohibit their procurement from the DPRK.
#       url: https://docs.un.org/en/S/RES/2321(2016)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2321 (2016)
#       paragraph: "26"
#       in_force: "2016-11-30"
#       until: "2017-08-04"
#       covers: [coal]
#       summary: >-
#         Coal exports from the DPRK are capped, for all States together, at 400,870,018 US dollars
#         or 7,500,000 metric tons a year, whichever is lower, and allowed only for livelihood
#         purposes unrelated to the nuclear or ballistic missile programmes.
#       url: https://docs.un.org/en/S/RES/2321(2016)
#       note: paragraph number not yet confirmed against the resolution text
#       review: Whether this coal export fell within the annual cap for all States and served livelihood purposes is not established.
#     - resolution: 2270 (2016)
#       paragraph: "30"
#       in_force: "2016-03-02"
#       covers: [gold, titanium_ore, vanadium_ore, rare_earths]
#       summary: >-
#         The DPRK shall not supply, sell or transfer gold, titanium ore, vanadium ore and rare
#         earth minerals, and all States shall prohibit their procurement from the DPRK.
#       url: https://docs.un.org/en/S/RES/2270(2016)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2270 (2016)
#       paragraph: "29"
#       in_force: "2016-03-02"
#       until: "2017-08-04"
#       covers: [coal, iron, iron_ore]
#       summary: >-
#         The DPRK shall not supply, sell or transfer coal, iron and iron ore, and all States shall
#         prohibit their procurement, except for transactions determined to be exclusively for
#         livelihood purposes and unrelated to generating revenue for the nuclear or ballistic
#         missile programmes, and coal of foreign origin exported through the port of Rajin.
#       url: https://docs.un.org/en/S/RES/2270(2016)
#       note: paragraph number not yet confirmed against the resolution text
#       review: Whether this export was exclusively for livelihood purposes, as the ban then allowed, is not established.
package sanctions.dprk.sectoral_export

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

finding contains f if {
	input.type == "transfer"
	"from_dprk" in dprk.directions
	items := lib.cited_items(chain) # each item once, however many banned categories it has
	count(items) > 0
	f := dprk.finding(rego.metadata.chain(), {
		"direction": "from_dprk",
		"facts": [lib.supply_fact],
		"items": items,
		"review": wind_down_review(items),
	})
}

# Fishing rights are sold by licence or contract as often as by a transfer: a sale written as an
# agreement (judged as agreements are: review), a cooperation or a payment is judged too.
finding contains f if {
	input.type in {"agreement", "cooperation", "financial"}
	"from_dprk" in dprk.directions
	items := [it | some it in lib.items; "fishing_rights" in it.categories]
	count(items) > 0
	f := dprk.finding(rego.metadata.chain(), {
		"direction": "from_dprk",
		"facts": [lib.supply_fact],
		"items": items,
		"review": agreement_review,
	})
}

agreement_review := ["The event is an agreement: whether fishing rights were sold or transferred is not established."] if {
	input.type == "agreement"
} else := []

# wind_downs: after these bans, States could still allow in, for some days after the adoption,
# shipments under written contracts finalised before it. An event whose period reaches into those
# days needs review; after them the ban applies in full. Sources of the days (the resolutions'
# own text was seen only for 2397 (2017)):
#   2371 (2017): to 4 September 2017: MOFCOM and GACC Announcement No. 40 of 2017, no import
#     formalities from 5 September 2017 for coal, iron, iron ore, lead, lead ore and seafood
#     (http://english.mofcom.gov.cn/article/policyrelease/buwei/201708/20170802630147.shtml);
#   2375 (2017): to 10 December 2017: MOFCOM and GAC Announcement No. 52 of 2017 (22 September
#     2017), textiles under written contracts signed before 11 September 2017 and cleared before
#     24:00 on 10 December 2017 (as quoted at https://yjtextile.com/?p=7788);
#   2397 (2017): "up to 30 days from the date of adoption", notified to the Committee "by no later
#     than 45 days" (paragraph 6, as quoted by the Korea Maritime Institute,
#     https://www.kmi.re.kr/globalnews/posts/view.do?idx=4269&page=771&rbsIdx=32).
wind_downs := [
	{
		"resolution": "2371 (2017)", "from": "2017-08-05", "until": "2017-09-04", "notice": "",
		"covers": {"coal", "iron", "iron_ore", "lead", "lead_ore", "seafood"},
	},
	{"resolution": "2375 (2017)", "from": "2017-09-11", "until": "2017-12-10", "notice": "", "covers": {"textiles"}},
	{
		"resolution": "2397 (2017)", "from": "2017-12-22", "until": "2018-01-21",
		"notice": ", notified to the Committee within 45 days of the adoption",
		"covers": {"food_agricultural", "machinery", "electrical_equipment", "earth_stone", "wood", "vessel"},
	},
]

# wind_down_review(items) names each wind-down period that the event's period reaches into, for
# the items it covers.
wind_down_review(items) := [sprintf(
	"After UNSCR %s, States could still allow in, from %s to %s, shipments of %s under written contracts finalised before its adoption%s: the event's period (%s) reaches into those days, so whether this shipment was one is not established.",
	[w.resolution, w.from, w.until, lib.join_and(sort(labels)), w.notice, lib.period_text],
) |
	some w in wind_downs
	labels := {lib.category_label(c) | some it in items; some c in it.categories; c in w.covers}
	count(labels) > 0
	lib.period_start <= w.until
	lib.period_end >= w.from
]

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
