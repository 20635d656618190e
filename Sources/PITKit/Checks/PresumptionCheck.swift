extension CheckRun {
    /// PIT012: under a regime that requires a presumption in favour of disclosure (EIR regulation
    /// 12(2), Scottish EIR regulation 10(2)), the document states it, outside the request it quotes.
    mutating func checkPresumption() {
        guard let presumption = subject.regime.presumption, !qualified.isEmpty else { return }
        let stated = document.blocks.contains { block in
            document.sections[block.section].part != .request && BalanceReading.presumptions.contains { block.folded.contains(bytes: $0) }
        }
        guard !stated else { return }
        report(.presumption, "does not state the presumption in favour of disclosure that \(presumption) of \(subject.regime.name) requires",
               at: firstSection([.balance], of: nil))
    }
}
