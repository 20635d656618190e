/// pit's version, printed by `pit --version` and recorded in a draft's provenance.
public let pitVersion = "0.1.0"
