//! Login flow.
