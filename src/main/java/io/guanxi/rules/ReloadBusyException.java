package io.guanxi.rules;

/** A reload or rollback was asked for while another one runs; nothing was changed. */
public final class ReloadBusyException extends RuntimeException {

    public ReloadBusyException(String message) {
        super(message);
    }
}
