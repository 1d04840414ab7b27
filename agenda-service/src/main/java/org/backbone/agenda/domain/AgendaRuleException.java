package org.backbone.agenda.domain;

/** A request the agenda rules refuse; the API answers 409, or 403 for {@link Reason#NOT_A_VOTER}. */
public class AgendaRuleException extends RuntimeException {

    public enum Reason {
        /** The version is not open for decisions (ratified, withdrawn, superseded). */
        NOT_OPEN,
        /** The organisation has no vote on this version. */
        NOT_A_VOTER,
        /** Nobody could ratify: the initiative has no founding or core partner. */
        NO_VOTERS,
        /** Another version is already open for decisions. */
        PROPOSAL_OPEN
    }

    private final Reason reason;

    public AgendaRuleException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
