# METADATA
# title: DPRK sectoral exports
# description: >-
#   The DPRK may not export, and no State may procure from it: coal, iron and iron ore (2270
#   (2016) with a livelihood exception, 2321 (2016) with a cap on coal, a full ban from 2371
#   (2017)); gold, titanium and vanadium ore and rare earths (2270 (2016)); copper, nickel, silver,
#   zinc and statues (2321 (2016)); lead, lead ore and seafood (2371 (2017)); textiles (2375
#   (2017)); food and agricultural products, machinery, electrical equipment, earth and stone, wood
#   and vessels (2397 (2017)). Each ban counts from its own resolution: DPRK coal sold in 2015 was
#   lawful, in 2018 it was not. Fires on a transfer whose supplier is the DPRK; while the livelihood
#   exception and the coal cap stood (March 2016 to August 2017) the finding needs review.
# scope: package
# schemas:
#   - input: schema.event
# related_resources:
#   - ref: https://docs.un.org/en/S/RES/2270(2016)
#     description: S/RES/2270 (2016)
#   - ref: https://docs.un.org/en/S/RES/2321(2016)
#     description: S/RES/2321 (2016)
#   - ref: https://docs.un.org/en/S/RES/2371(2017)
#     description: S/RES/2371 (2017)
#   - ref: https://docs.un.org/en/S/RES/2375(2017)
#     description: S/RES/2375 (2017)
#   - ref: https://docs.un.org/en/S/RES/2397(2017)
#     description: S/RES/2397 (2017)
# custom:
#   id: DPRK-SECTORAL-EXPORT
#   regime: DPRK
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
#       review: Whether this coal export fell within the annual cap for all States and served livelihood purposes is not established.
#     - resolution: 2270 (2016)
#       paragraph: "30"
#       in_force: "2016-03-02"
#       covers: [gold, rare_earths]
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

import data.sanctions.lib

finding contains f if {
	input.type == "transfer"
	lib.supplier_country == "KP"
	items := [it | some it in lib.items; some c in it.categories; c in banned]
	count(items) > 0
	f := lib.finding(rego.metadata.chain(), {
		"facts": [lib.supply_fact],
		"items": items,
		"review": [],
	})
}

# banned: every category some paragraph of this rule covers.
banned := {c | some m in rego.metadata.chain(); some cite in m.annotations.custom.citations; some c in cite.covers}
