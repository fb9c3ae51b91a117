import MotCuaCore
import MotCuaStore

/// Any error from the model or the store as one status line in the screen's language.
public enum ErrorText {
    public static func message(for error: Error, language: Language) -> String {
        switch error {
        case let e as FieldError: return e.message(language)
        case let e as RuleViolation: return e.message.text(language)
        case let e as StoreError: return e.message.text(language)
        case let e as ConfirmationNeeded: return e.message.text(language)
        case let e as CalendarFileError: return e.text(language)
        default: return language == .vi ? "Lỗi: \(error)" : "Error: \(error)"
        }
    }
}
