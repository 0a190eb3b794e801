# METADATA
# title: All findings
# description: >-
#   The findings of every rule package for the input event. `findings` are what the checker
#   reports; `exempted` are findings that an entry of the exemptions table turned off, each with
#   that entry. The checker evaluates `result`, once per event; an OPA server serving these rules
#   answers /v1/data/sanctions/findings the same. A new regime adds one line to `candidates`.
# scope: package
# schemas:
#   - input: schema.event
package sanctions

candidates contains f if {
	some f in data.sanctions.dprk[_].finding
}

candidates contains f if {
	some f in data.sanctions.iran[_].finding
}

candidates contains f if {
	some f in data.sanctions.yemen[_].finding
}

candidates contains f if {
	some f in data.sanctions.libya[_].finding
}

findings contains f if {
	some f in candidates
	not f.exemption
}

exempted contains f if {
	some f in candidates
	f.exemption
}

result := {"findings": findings, "exempted": exempted}
