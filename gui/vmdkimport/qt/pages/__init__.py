"""One QWizardPage per step; each reads and writes the wizard's ImportPlan."""
