package sanctions.lib

# Confidence says how well established the reported facts are, from the event's claims.
# The table, with examples, is in docs/confidence.md; in short:
#
#   high    a claim is confirmed (admitted by a party, established by a UN body, a monitoring team
#           or physical evidence); or a UN body or monitoring team reports it; or two or more
#           independent claimants report it
#   medium  one claimant reports it as fact; or two or more independent claimants allege it
#   low     it is only alleged, by one claimant; or nobody asserts it
#
# Then: a denial by a party to the event lowers the level one step, unless a claimant that is not
# a party confirms or reports it. A claimant that retracted its claim no longer counts.

positive_statuses := {"confirmed", "reported", "alleged"}

# claimant_key(by) identifies a claimant for counting independent claimants: a government and its
# agencies count once per country; anyone else by name.
claimant_key(by) := sprintf("government:%s", [country_code(by)]) if {
	kind(by) in {"state", "state_entity"}
	country_code(by)
}

claimant_key(by) := sprintf("name:%s", [key(by.name)]) if {
	not kind(by) in {"state", "state_entity"}
	by.name
}

claimant_key(by) := sprintf("name:%s", [key(by.name)]) if {
	kind(by) in {"state", "state_entity"}
	not country_code(by)
	by.name
}

claimant_key(by) := sprintf("country:%s", [by.country]) if {
	not by.name
	not country_code(by)
}

# is_party(by) is true when the claimant speaks for a party to the event: a government, agency,
# company or person of a country the event involves. Media, NGOs and international organisations
# are never parties by nationality.
is_party(by) if {
	not kind(by) in {"media", "ngo", "international_org"}
	country_code(by) in party_countries
}

# claim_keys[i] is the claimant key of claim i, computed once.
claim_keys := [claimant_key(c.by) | some c in input.claims]

retracted_claimants := {claim_keys[i] | some i, c in input.claims; c.status == "retracted"}

# standing lists the positions of the claims that assert the event and still stand; asserting,
# those claims.
standing := [i |
	some i, c in input.claims
	c.status in positive_statuses
	not claim_keys[i] in retracted_claimants
]

asserting := [input.claims[i] | some i in standing]

independent_reporters := {claim_keys[i] |
	some i in standing
	input.claims[i].status in {"confirmed", "reported"}
	not is_party(input.claims[i].by)
}

reporters := {claim_keys[i] | some i in standing; input.claims[i].status in {"confirmed", "reported"}}

claimants := {claim_keys[i] | some i in standing}

party_denials := [c | some c in input.claims; c.status == "denied"; is_party(c.by)]

base_level := 3 if {
	some c in asserting
	c.status == "confirmed"
} else := 3 if {
	some c in asserting
	c.status == "reported"
	kind(c.by) == "international_org"
} else := 3 if {
	count(reporters) >= 2
} else := 2 if {
	count(reporters) >= 1
} else := 2 if {
	count(claimants) >= 2
} else := 1

lowered if {
	count(party_denials) > 0
	count(independent_reporters) == 0
	base_level > 1
}

level := base_level - 1 if {
	lowered
} else := base_level

level_names := {1: "low", 2: "medium", 3: "high"}

confidence := level_names[level]

# confidence_reason explains the level: who claims what, and why it was lowered.
confidence_reason := sprintf("Confidence is %s: %s.", [confidence, concat("; ", array.concat(claim_parts, confidence_notes))])

claim_parts := [part |
	some status in ["confirmed", "reported", "alleged", "denied", "retracted"]
	by := {label(c.by) | some c in input.claims; c.status == status}
	count(by) > 0
	part := sprintf("%s by %s", [status, join_and([b | some b in by])])
]

confidence_notes := ["lowered one step, because a party to the event denies it and no independent claimant confirms or reports it"] if {
	lowered
} else := ["no claim that asserts it still stands"] if {
	count(asserting) == 0
} else := []

# counter_evidence lists the denials and retractions.
counter_evidence := [e |
	some c in input.claims
	c.status in {"denied", "retracted"}
	e := object.union({"by": label(c.by), "status": c.status}, source_of(c))
]

source_of(c) := {"source": c.source} if c.source

source_of(c) := {} if not c.source
