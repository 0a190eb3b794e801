# METADATA
# title: Specialized teaching and training of DPRK nationals
# description: >-
#   States must prevent specialized teaching or training of DPRK nationals, in their territories
#   or by their nationals, in disciplines that could contribute to the DPRK's proliferation-
#   sensitive nuclear activities and nuclear weapon delivery systems: advanced physics, advanced
#   computer simulation and related computer sciences, geospatial navigation, nuclear, aerospace
#   and aeronautical engineering (2270 (2016) 17), and from 2321 (2016) 10 also advanced materials
#   science and advanced chemical, mechanical, electrical and industrial engineering. Fires on
#   technical assistance or cooperation that trains DPRK nationals in one of these fields (the
#   fields are the editable table rules/data/training_fields.yaml).
# scope: package
# custom:
#   id: DPRK-SPECIALIZED-TRAINING
#   category: technical_assistance
#   severity: medium
#   citations:
#     - resolution: 2321 (2016)
#       paragraph: "10"
#       in_force: "2016-11-30"
#       measure: fields_2321
#       summary: >-
#         The measures of 2270 (2016) 17 also apply to advanced materials science, advanced
#         chemical engineering, advanced mechanical engineering, advanced electrical engineering and
#         advanced industrial engineering.
#       url: https://docs.un.org/en/S/RES/2321(2016)
#       confirmed: https://unsanctionsapp.com/types-of-sanctions/specialized-teaching-or-training
#     - resolution: 2270 (2016)
#       paragraph: "17"
#       in_force: "2016-03-02"
#       measure: fields_2270
#       summary: >-
#         All Member States shall prevent specialized teaching or training of DPRK nationals within
#         their territories or by their nationals in disciplines which could contribute to the
#         DPRK's proliferation-sensitive nuclear activities and the development of nuclear weapon
#         delivery systems, including advanced physics, advanced computer simulation and related
#         computer sciences, geospatial navigation, nuclear engineering, aerospace engineering,
#         aeronautical engineering and related disciplines.
#       url: https://docs.un.org/en/S/RES/2270(2016)
#       confirmed: https://unsanctionsapp.com/types-of-sanctions/specialized-teaching-or-training
package sanctions.dprk.specialized_training

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

# fields: each field of the table that the event names, with its measure.
fields contains {"measure": measure, "field": field} if {
	some measure, list in data.sanctions.training_fields
	some field in list
	lib.mentions(field)
}

# trainees: the DPRK nationals taught.
trainees if lib.recipient_country == "KP"

trainees if {
	input.type == "cooperation"
	some p in input.parties
	lib.country_code(p) == "KP"
	p.role in {"participant", "end_user"}
}

finding contains f if {
	input.type in {"technical_assistance", "cooperation"}
	not lib.supplier_country == "KP"
	trainees
	count(fields) > 0
	f := dprk.finding(rego.metadata.chain(), {
		"facts": [sprintf("DPRK nationals are taught or trained in %s.", [lib.join_and(sort({x.field | some x in fields}))])],
		"items": [],
		"measures": {x.measure | some x in fields},
		"review": [],
	})
}
