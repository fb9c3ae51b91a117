/// The UI speaks Vietnamese with English available; every user-facing message carries both.
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi, en
}

public struct Localized: Hashable, Sendable, CustomStringConvertible {
    public let vi: String
    public let en: String
    public init(vi: String, en: String) { self.vi = vi; self.en = en }
    public func text(_ lang: Language) -> String { lang == .vi ? vi : en }
    public var description: String { vi }
}

/// A rejected input: which field, and what was expected. Thrown by model validation; the CLI
/// prints it and exits non-zero, the TUI shows it next to the field.
public struct FieldError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable code name of the field (`name`, `id_number`, `phone`, `procedure`, `date` …).
    public let field: String
    /// The field's label as shown to the user.
    public let label: Localized
    /// What is wrong and what is expected.
    public let problem: Localized

    public init(field: String, label: Localized, problem: Localized) {
        self.field = field; self.label = label; self.problem = problem
    }

    public func message(_ lang: Language) -> String { "\(label.text(lang)): \(problem.text(lang))" }
    public var description: String { message(.vi) }
}

/// A rule of the model refused an operation (e.g. an illegal status change).
public struct RuleViolation: Error, Hashable, Sendable, CustomStringConvertible {
    public let code: String
    public let message: Localized
    public init(code: String, message: Localized) { self.code = code; self.message = message }
    public var description: String { message.vi }
}
