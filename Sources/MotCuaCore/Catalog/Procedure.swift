/// How the result of a dossier reaches the citizen (trả kết quả tại quầy / qua bưu chính /
/// tại nhà). A procedure lists the ways it allows; the dossier records the one chosen.
public enum Delivery: String, Hashable, Sendable, Codable, CaseIterable {
    case desk, post, home

    public var label: Localized {
        switch self {
        case .desk: return Localized(vi: "Tại quầy", en: "At the desk")
        case .post: return Localized(vi: "Qua bưu chính", en: "By post")
        case .home: return Localized(vi: "Tại nhà", en: "At home")
        }
    }
}

/// One administrative procedure (thủ tục hành chính) of the commune's catalog. Everything a law
/// can change (processing time, cut-off, fee, validity period) is data here, never code, so a new
/// rule is a new catalog row with its own effective dates.
public struct Procedure: Hashable, Sendable, Codable {
    /// Short uppercase code printed on tickets and receipts, e.g. `HT-KS`.
    public var code: String
    /// Official name, NFC (e.g. "Đăng ký khai sinh").
    public var name: String
    /// Lĩnh vực, e.g. "Hộ tịch", "Chứng thực".
    public var field: String
    /// Legal processing time in working days; 0 = returned the same day.
    public var processingDays: Int
    /// A request received after this minute of the day counts from the next working day
    /// (e.g. 900 = 15:00 for chứng thực and hộ tịch). Nil = no cut-off in the procedure.
    public var cutoffMinuteOfDay: Int?
    /// Fee in VND collected at reception; 0 when free or when `feeNote` says how it is set.
    public var fee: Int
    /// How the fee is computed or who sets it (per page, province resolution, exemptions).
    public var feeNote: String
    public var deliveries: Set<Delivery>
    /// First day the row applies, inclusive; nil = since always.
    public var effectiveFrom: LocalDate?
    /// Last day the row applies, inclusive; nil = until replaced.
    public var effectiveTo: LocalDate?
    /// The laws the row rests on, as plain text.
    public var legalBasis: String

    public init(code: String, name: String, field: String, processingDays: Int, cutoffMinuteOfDay: Int?,
                fee: Int, feeNote: String, deliveries: Set<Delivery>, effectiveFrom: LocalDate?,
                effectiveTo: LocalDate?, legalBasis: String) {
        self.code = code; self.name = name; self.field = field; self.processingDays = processingDays
        self.cutoffMinuteOfDay = cutoffMinuteOfDay; self.fee = fee; self.feeNote = feeNote
        self.deliveries = deliveries; self.effectiveFrom = effectiveFrom; self.effectiveTo = effectiveTo
        self.legalBasis = legalBasis
    }

    /// Search key of the name (`VietnameseText.fold`).
    public var foldedName: String { VietnameseText.fold(name) }

    /// Whether the row is in force on `date` (both ends inclusive).
    public func isActive(on date: LocalDate) -> Bool {
        if let from = effectiveFrom, date < from { return false }
        if let to = effectiveTo, date > to { return false }
        return true
    }

    /// `15:00`, or nil when there is no cut-off.
    public var cutoffText: String? {
        cutoffMinuteOfDay.map { m in
            let h = m / 60, mm = m % 60
            return (h < 10 ? "0\(h)" : "\(h)") + ":" + (mm < 10 ? "0\(mm)" : "\(mm)")
        }
    }

    /// "Trong ngày" / "3 ngày làm việc", as the receipt prints it.
    public var processingText: Localized {
        processingDays == 0
            ? Localized(vi: "Trong ngày", en: "Same day")
            : Localized(vi: "\(processingDays) ngày làm việc", en: "\(processingDays) working day" + (processingDays == 1 ? "" : "s"))
    }
}
