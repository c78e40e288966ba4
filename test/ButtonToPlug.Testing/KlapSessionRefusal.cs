namespace ButtonToPlug.Testing;

/// <summary>How an emulated plug refuses a request its session no longer takes.</summary>
public enum KlapSessionRefusal
{
    /// <summary>HTTP 403.</summary>
    Forbidden,

    /// <summary>Status 200 with a body that is not a signature and whole AES blocks: nothing decrypts.</summary>
    Undecryptable,
}
